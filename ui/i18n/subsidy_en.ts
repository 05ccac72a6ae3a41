<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../commands.py" line="24"/>
        <source>编辑 {0}</source>
        <translation>Edit {0}</translation>
    </message>
    <message>
        <location filename="../commands.py" line="66"/>
        <source>删除 {0} 行</source>
        <translation>Remove {0} row(s)</translation>
    </message>
    <message>
        <location filename="../commands.py" line="83"/>
        <location filename="../rules_editor/commands.py" line="24"/>
        <source>修改 {0}</source>
        <translation>Change {0}</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="32"/>
        <source>文件已存在</source>
        <translation>File exists</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="32"/>
        <source>“{0}”已存在。

要替换它吗?</source>
        <translation>“{0}” already exists.

Do you want to replace it?</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="52"/>
        <source>申请文件 (*.subsidy.json *.json);;所有文件 (*)</source>
        <translation>Claim files (*.subsidy.json *.json);;All files (*)</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="68"/>
        <source>未保存的修改</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="69"/>
        <source>“{0}”有未保存的修改,是否保存?</source>
        <translation>“{0}” has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="88"/>
        <source>恢复未保存的内容</source>
        <translation>Recover unsaved work</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="89"/>
        <source>上次程序没有正常关闭,发现未保存的内容:
{0}

是否恢复?</source>
        <translation>The app did not close properly last time. Unsaved work was found:
{0}

Recover it?</translation>
    </message>
    <message>
        <location filename="../background_open.py" line="46"/>
        <source>文件过大,内存不足,无法打开</source>
        <translation>The file is too large to open (out of memory)</translation>
    </message>
    <message>
        <location filename="../background_open.py" line="48"/>
        <source>打开失败:</source>
        <translation>Opening failed: </translation>
    </message>
    <message>
        <location filename="../background_open.py" line="79"/>
        <source>正在打开“{0}”…</source>
        <translation>Opening “{0}”…</translation>
    </message>
    <message>
        <location filename="../background_open.py" line="79"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../background_open.py" line="80"/>
        <location filename="../dialogs.py" line="100"/>
        <source>打开申请文件</source>
        <translation>Open claim file</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="105"/>
        <source>保存申请文件</source>
        <translation>Save claim file</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="133"/>
        <source>首选项</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="140"/>
        <source>界面语言:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <location filename="../dialogs.py" line="141"/>
        <source>界面语言在下次启动时完全生效。</source>
        <translation>The language fully applies at the next start.</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="67"/>
        <source>申请单位</source>
        <translation>Applicant enterprise</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="68"/>
        <source>培训机构</source>
        <translation>Training institution</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="75"/>
        <source>申领设置</source>
        <translation>Claim settings</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="185"/>
        <location filename="../rules_editor/dialog.py" line="162"/>
        <source>正式</source>
        <translation>official</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="185"/>
        <source>假设</source>
        <translation>assumed</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="86"/>
        <source>规则集:</source>
        <translation>Rule set:</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="99"/>
        <source>预支(开班时)</source>
        <translation>Advance (at class opening)</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="100"/>
        <source>清算(结业后)</source>
        <translation>Settlement (after training)</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="102"/>
        <source>申领阶段:</source>
        <translation>Stage:</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="108"/>
        <source>申领日期:</source>
        <translation>Claim date:</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="162"/>
        <source>校验码正确</source>
        <translation>check character OK</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="187"/>
        <source>,本地</source>
        <translation>, local</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="188"/>
        <source>,已过期</source>
        <translation>, expired</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="203"/>
        <source>有效期:{0}</source>
        <translation>Validity: {0}</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="211"/>
        <source>正式文件</source>
        <translation>official document</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="211"/>
        <source>含假设,须核实</source>
        <translation>contains assumptions, verify locally</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="214"/>
        <source>文号:{0}</source>
        <translation>Document: {0}</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="215"/>
        <source>状态:{0} · 版本 {1} · 编号 {2}</source>
        <translation>Status: {0} · version {1} · id {2}</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="216"/>
        <source>本地规则集,文件:{0}</source>
        <translation>Local rule set, file: {0}</translation>
    </message>
    <message>
        <location filename="../form_panel.py" line="221"/>
        <source>⚠ 本规则集含有假设内容,须向当地人社部门核实:</source>
        <translation>⚠ This rule set contains assumptions; verify them with the local HR bureau:</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="34"/>
        <source>单位名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="35"/>
        <source>统一社会信用代码</source>
        <translation>Credit code</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="36"/>
        <source>开户银行</source>
        <translation>Bank</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="37"/>
        <source>银行账号</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="38"/>
        <source>经办人</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="39"/>
        <source>联系电话</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="40"/>
        <location filename="../rules_editor/dialog.py" line="81"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="41"/>
        <source>联系人</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="42"/>
        <source>18位,如 91620300MA71XXXXXX</source>
        <translation>e.g. 91620300MA71XXXXXX</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="43"/>
        <source>18位统一社会信用代码</source>
        <translation>18-character credit code</translation>
    </message>
    <message>
        <location filename="../result_panel.py" line="43"/>
        <source>计算结果(元)</source>
        <translation>Result (yuan)</translation>
    </message>
    <message>
        <location filename="../result_panel.py" line="52"/>
        <location filename="../result_panel.py" line="103"/>
        <location filename="../result_panel.py" line="109"/>
        <source>本次应付:</source>
        <translation>Payable now:</translation>
    </message>
    <message>
        <location filename="../result_panel.py" line="53"/>
        <source>应得补贴:</source>
        <translation>Subsidy earned:</translation>
    </message>
    <message>
        <location filename="../result_panel.py" line="54"/>
        <source>已预支(扣除):</source>
        <translation>Advance deducted:</translation>
    </message>
    <message>
        <location filename="../result_panel.py" line="60"/>
        <source>大写:</source>
        <translation>In words:</translation>
    </message>
    <message>
        <location filename="../result_panel.py" line="75"/>
        <location filename="../result_panel.py" line="104"/>
        <location filename="../result_panel.py" line="113"/>
        <source>提示</source>
        <translation>Notices</translation>
    </message>
    <message>
        <location filename="../result_panel.py" line="80"/>
        <source>为什么是这个数</source>
        <translation>Why?</translation>
    </message>
    <message>
        <location filename="../result_panel.py" line="79"/>
        <source>在培训班表中选择一个班级,这里显示它的计算过程。</source>
        <translation>Select a class in the classes table to see how its amount is calculated.</translation>
    </message>
    <message>
        <location filename="../result_panel.py" line="109"/>
        <source>应退回:</source>
        <translation>Refund owed:</translation>
    </message>
    <message>
        <location filename="../result_panel.py" line="113"/>
        <source>提示 ({0})</source>
        <translation>Notices ({0})</translation>
    </message>
    <message>
        <location filename="../result_panel.py" line="118"/>
        <source>问题 ({0})</source>
        <translation>Problems ({0})</translation>
    </message>
    <message>
        <location filename="../result_panel.py" line="133"/>
        <source>……另有 {0} 条未显示</source>
        <translation>… {0} more not shown</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="47"/>
        <source>数字,如 4000 或 0.5</source>
        <translation>Number, e.g. 4000 or 0.5</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="47"/>
        <source>整数</source>
        <translation>Whole number</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="48"/>
        <source>日期,如 2024-01-01</source>
        <translation>Date, e.g. 2024-01-01</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="140"/>
        <source>(可选)</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="145"/>
        <source>不填则沿用前一施行日期的值</source>
        <translation>Empty: the value from the previous effective date applies</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="147"/>
        <source>不填则为 {0}</source>
        <translation>Default when empty: {0}</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="160"/>
        <source>来源:</source>
        <translation>Source: </translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="191"/>
        <source>(不填)</source>
        <translation>(not set)</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="232"/>
        <source>每行一项</source>
        <translation>One item per line</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="254"/>
        <source>项目</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="281"/>
        <location filename="../rules_editor/form.py" line="303"/>
        <location filename="../table_model.py" line="214"/>
        <location filename="../table_model.py" line="235"/>
        <source>添加一行</source>
        <translation>Add row</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="283"/>
        <source>删除选中行</source>
        <translation>Remove selected rows</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="313"/>
        <source>删除一行</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="321"/>
        <location filename="../rules_editor/form.py" line="344"/>
        <source>填写此项</source>
        <translation>Fill in this item</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="344"/>
        <source>删除此项</source>
        <translation>Clear this item</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="363"/>
        <source>依据:</source>
        <translation>Based on:</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="380"/>
        <source>改变依据</source>
        <translation>Change basis</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="396"/>
        <location filename="../rules_editor/form.py" line="420"/>
        <source>删除</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="401"/>
        <location filename="../rules_editor/form.py" line="413"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="443"/>
        <source>施行日期,如 2025-01-01</source>
        <translation>Effective date, e.g. 2025-01-01</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="444"/>
        <location filename="../rules_editor/form.py" line="467"/>
        <source>添加施行日期</source>
        <translation>Add effective date</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="447"/>
        <source>删除当前日期</source>
        <translation>Remove this date</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="474"/>
        <source>删除施行日期</source>
        <translation>Remove effective date</translation>
    </message>
    <message>
        <location filename="../table_model.py" line="251"/>
        <source>复制 {0} 行</source>
        <translation>Duplicate {0} row(s)</translation>
    </message>
    <message>
        <location filename="../tables_panel.py" line="89"/>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../tables_panel.py" line="92"/>
        <source>清除</source>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../tables_panel.py" line="123"/>
        <source>培训班</source>
        <translation>Classes</translation>
    </message>
    <message>
        <location filename="../tables_panel.py" line="125"/>
        <source>添加班级</source>
        <translation>Add class</translation>
    </message>
    <message>
        <location filename="../tables_panel.py" line="126"/>
        <source>复制班级</source>
        <translation>Duplicate class</translation>
    </message>
    <message>
        <location filename="../tables_panel.py" line="127"/>
        <source>删除班级</source>
        <translation>Remove class</translation>
    </message>
    <message>
        <location filename="../tables_panel.py" line="133"/>
        <source>学徒名册(可选:填写后按名册统计各班人数)</source>
        <translation>Roster (optional: when filled, class headcounts come from it)</translation>
    </message>
    <message>
        <location filename="../tables_panel.py" line="138"/>
        <source>只显示所选班级</source>
        <translation>Selected class only</translation>
    </message>
    <message>
        <location filename="../tables_panel.py" line="141"/>
        <source>添加学徒</source>
        <translation>Add apprentice</translation>
    </message>
    <message>
        <location filename="../tables_panel.py" line="142"/>
        <source>复制学徒</source>
        <translation>Duplicate apprentice</translation>
    </message>
    <message>
        <location filename="../tables_panel.py" line="143"/>
        <source>删除学徒</source>
        <translation>Remove apprentice</translation>
    </message>
    <message>
        <location filename="../tables_panel.py" line="195"/>
        <source>显示 {0} 人,共 {1} 人</source>
        <translation>{0} of {1} people</translation>
    </message>
    <message>
        <location filename="../tables_panel.py" line="152"/>
        <location filename="../tables_panel.py" line="197"/>
        <source>共 {0} 人</source>
        <translation>{0} people</translation>
    </message>
    <message>
        <location filename="../rules_editor/form.py" line="254"/>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../result_panel.py" line="69"/>
        <location filename="../result_panel.py" line="118"/>
        <source>问题</source>
        <translation>Problems</translation>
    </message>
    <message>
        <location filename="../importing/problem_model.py" line="77"/>
        <source>提示(已导入)</source>
        <translation>Notice (imported)</translation>
    </message>
    <message>
        <location filename="../importing/problem_model.py" line="77"/>
        <source>未导入</source>
        <translation>Not imported</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="45"/>
        <source>只显示不同的值</source>
        <translation>Differences only</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="47"/>
        <source>左:</source>
        <translation>Left:</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="49"/>
        <source>右:</source>
        <translation>Right:</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="58"/>
        <source>键</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="58"/>
        <location filename="../rules_editor/compare.py" line="69"/>
        <source>左</source>
        <translation>Left</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="58"/>
        <location filename="../rules_editor/compare.py" line="69"/>
        <source>右</source>
        <translation>Right</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="66"/>
        <source>当前申请在两个规则集下的结果(由计算引擎算出):</source>
        <translation>The current claim under both rule sets (calculated by the engine):</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="69"/>
        <source>差额(右−左)</source>
        <translation>Difference (right − left)</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="70"/>
        <source>应得</source>
        <translation>Earned</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="70"/>
        <source>已预支</source>
        <translation>Advance paid</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="70"/>
        <source>本次应付</source>
        <translation>Payable now</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="106"/>
        <source>请选择两个规则集;正在编辑的规则集有错误时不能比较</source>
        <translation>Choose two rule sets; the rule set being edited cannot be compared while it has errors</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="112"/>
        <source>共 {0} 项,不同 {1} 项</source>
        <translation>{0} items, {1} different</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="129"/>
        <source>当前申请还不能计算(或没有打开申请),没有结果可比较。</source>
        <translation>The current claim cannot be calculated yet (or no claim is open), so there are no results to compare.</translation>
    </message>
    <message>
        <location filename="../rules_editor/compare.py" line="142"/>
        <source>注意:在 {0} 下申请有错误,见主窗口提示。</source>
        <translation>Note: the claim has errors under {0}; see the main window.</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="46"/>
        <source>{0} 起</source>
        <translation>from {0}</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="46"/>
        <source>,至 {0}</source>
        <translation> to {0}</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="59"/>
        <source>规则集</source>
        <translation>Rule sets</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="81"/>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="81"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="81"/>
        <source>来源</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="81"/>
        <source>有效期</source>
        <translation>Validity</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="90"/>
        <source>复制为新规则集</source>
        <translation>Copy as new rule set</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="93"/>
        <location filename="../rules_editor/dialog.py" line="121"/>
        <source>编辑</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="95"/>
        <source>编辑所选规则集;保存为本地规则集,替代同编号的内置规则集</source>
        <translation>Edit the selected rule set; it is saved as a local rule set that replaces the built-in one with the same ID</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="97"/>
        <source>导出…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="99"/>
        <source>把所选规则集写成 .toml 文件,交给同事或接任的人导入</source>
        <translation>Write the selected rule set to a .toml file for a colleague or successor to import</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="110"/>
        <source>请选择一个规则集,点“复制为新规则集”或“编辑”。</source>
        <translation>Select a rule set, then click “Copy as new rule set” or “Edit”.</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="123"/>
        <source>比较</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="130"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="133"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="138"/>
        <source>保存</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="141"/>
        <source>与原规则集比较</source>
        <translation>Compare with original</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="144"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="162"/>
        <source>假设,须核实</source>
        <translation>assumed, verify locally</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="166"/>
        <source>本地规则文件</source>
        <translation>local rule file</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="166"/>
        <source>规则文件</source>
        <translation>rule file</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="167"/>
        <source>无法加载</source>
        <translation>not loaded</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="259"/>
        <source>校验通过,可以保存</source>
        <translation>No problems found; ready to save</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="264"/>
        <source>,将替代同编号的规则集</source>
        <translation>, replacing the rule set with the same ID</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="265"/>
        <source>正在编辑 {0}(来自 {1}),保存到 {2}{3}</source>
        <translation>Editing {0} (from {1}), saving to {2}{3}</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="282"/>
        <source>正在编辑:{0}</source>
        <translation>Being edited: {0}</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="298"/>
        <location filename="../rules_editor/dialog.py" line="303"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="298"/>
        <source>规则集有错误,请先改正:</source>
        <translation>The rule set has errors; correct them first:</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="303"/>
        <source>无法写入规则文件:{0}</source>
        <translation>Cannot write the rule file: {0}</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="312"/>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="320"/>
        <location filename="../rules_editor/export_action.py" line="59"/>
        <source>导出规则集</source>
        <translation>Export rule set</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="320"/>
        <source>请先在列表中选择要导出的规则集(无法加载的文件不能导出)。</source>
        <translation>First select the rule set to export in the list (files that could not be loaded cannot be exported).</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="336"/>
        <source>规则集编辑器中 {0} 未保存的修改不在这个文件里。</source>
        <translation>The unsaved changes to {0} in the rule-set editor are not in this file.</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="354"/>
        <source>规则集已修改</source>
        <translation>Rule set changed</translation>
    </message>
    <message>
        <location filename="../rules_editor/dialog.py" line="354"/>
        <source>正在编辑的规则集有未保存的修改,要保存吗?</source>
        <translation>The rule set being edited has unsaved changes. Save them?</translation>
    </message>
    <message>
        <location filename="../manual.py" line="21"/>
        <location filename="../manual.py" line="42"/>
        <source>用户手册</source>
        <translation>User manual</translation>
    </message>
    <message>
        <location filename="../manual.py" line="42"/>
        <source>找不到用户手册:{0}</source>
        <translation>User manual not found: {0}</translation>
    </message>
    <message>
        <location filename="../problems_panel.py" line="41"/>
        <source>双击或按回车键转到这里</source>
        <translation>Double-click or press Enter to go there</translation>
    </message>
    <message>
        <location filename="../problems_panel.py" line="45"/>
        <source>……另有 {0} 个问题未显示</source>
        <translation>… {0} more problems not shown</translation>
    </message>
    <message>
        <location filename="../rules_editor/claim_rules.py" line="21"/>
        <source>规则集已改变</source>
        <translation>Rule set changed</translation>
    </message>
    <message>
        <location filename="../cell_notes.py" line="51"/>
        <source>据名册:学徒名册中本班状态为“{0}”的有 {1} 人。此格按名册统计,不能直接修改;请修改名册中学徒的状态。</source>
        <translation>From the roster: {1} apprentice(s) of this class have the status “{0}”. This cell is counted from the roster and cannot be edited; change the apprentices’ status in the roster.</translation>
    </message>
    <message>
        <location filename="../cell_notes.py" line="53"/>
        <source>{0} 据名册</source>
        <translation>{0} (roster)</translation>
    </message>
    <message>
        <location filename="../document.py" line="178"/>
        <source>未知的规则集“{0}”,请在规则集中重新选择</source>
        <translation>Unknown rule set “{0}”; choose a rule set again</translation>
    </message>
    <message>
        <location filename="../report/preview.py" line="127"/>
        <source>无法开始打印(打印机不可用)</source>
        <translation>Cannot start printing (the printer is not available)</translation>
    </message>
    <message>
        <location filename="../report/preview.py" line="130"/>
        <source>无法新建打印页面</source>
        <translation>Cannot start a new printed page</translation>
    </message>
    <message>
        <location filename="../rules_editor/wiring.py" line="125"/>
        <location filename="../rules_editor/wiring.py" line="130"/>
        <source>导入规则集</source>
        <translation>Import rule set</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="30"/>
        <source>规则集有未保存的修改</source>
        <translation>The rule set has unsaved changes</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="31"/>
        <source>正在编辑的规则集 {0} 有未保存的修改。导出的是规则文件夹里已保存的文件,不含这些修改。</source>
        <translation>The rule set being edited, {0}, has unsaved changes. Export writes the file saved in the rule folder, without these changes.</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="33"/>
        <source>保存并导出 {0}</source>
        <translation>Save and export {0}</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="34"/>
        <source>只导出已保存的 {0}</source>
        <translation>Export the saved {0} only</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="52"/>
        <location filename="../rules_editor/wiring.py" line="125"/>
        <source>规则文件 (*.toml)</source>
        <translation>Rule files (*.toml)</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="60"/>
        <source>当前申请没有选定可用的规则集。要导出哪一个?</source>
        <translation>The open claim has no usable rule set selected. Which one do you want to export?</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="81"/>
        <source>导出规则集 {0}</source>
        <translation>Export rule set {0}</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="93"/>
        <source>文件名与规则集编号不同</source>
        <translation>File name differs from the rule set ID</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="94"/>
        <source>导入规则集时,文件名必须是“{0}.toml”(与规则集编号相同);“{1}”要先改回这个名字才能导入。

仍然保存为“{1}”吗?</source>
        <translation>To import a rule set, its file must be named &quot;{0}.toml&quot; (the rule set&apos;s ID); &quot;{1}&quot; has to be renamed to that before it can be imported.

Save as &quot;{1}&quot; anyway?</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="106"/>
        <source>来源:{0}</source>
        <translation>Source: {0}</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="107"/>
        <source>文件:{0}</source>
        <translation>File: {0}</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="115"/>
        <source>无法导出规则集</source>
        <translation>Cannot export the rule set</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="116"/>
        <source>无法写入“{0}”:{1}。
没有写入任何内容(原有的同名文件保持不变)。</source>
        <translation>Cannot write &quot;{0}&quot;: {1}.
Nothing was written (an existing file of that name is unchanged).</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="104"/>
        <source>已导出规则集 {0}({1}),版本 {2}</source>
        <translation>Exported rule set {0} ({1}), version {2}</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="110"/>
        <source>同事可在 文件 → 导入规则集… 中导入这个文件。</source>
        <translation>A colleague can import this file with File → Import rule set….</translation>
    </message>
    <message>
        <location filename="../rules_editor/export_action.py" line="111"/>
        <source>已导出规则集</source>
        <translation>Rule set exported</translation>
    </message>
</context>
<context>
    <name>DoubleClaimGuard</name>
    <message>
        <location filename="../claim_guards.py" line="32"/>
        <source>清除重复申领登记…</source>
        <translation>Clear double-claim register…</translation>
    </message>
    <message>
        <location filename="../claim_guards.py" line="38"/>
        <source>清除重复申领登记</source>
        <translation>Clear double-claim register</translation>
    </message>
    <message>
        <location filename="../claim_guards.py" line="45"/>
        <source>将删除本机的重复申领登记库及其密钥:此后无法再发现与以前保存的申请重复的人员,直到重新保存这些申请。申请文件本身不受影响。

确定要清除吗?</source>
        <translation>This deletes the double-claim register on this computer and its key: people in claims saved earlier can no longer be found in double claims until those claims are saved again. The claim files themselves are not affected.

Clear the register?</translation>
    </message>
    <message>
        <location filename="../claim_guards.py" line="54"/>
        <source>未能清除重复申领登记:{0}</source>
        <translation>Could not clear the double-claim register: {0}</translation>
    </message>
    <message>
        <location filename="../claim_guards.py" line="56"/>
        <source>已清除重复申领登记:{0}</source>
        <translation>Double-claim register cleared: {0}</translation>
    </message>
    <message>
        <location filename="../claim_guards.py" line="66"/>
        <location filename="../claim_guards.py" line="73"/>
        <source>可能重复申领</source>
        <translation>Possible double claim</translation>
    </message>
    <message>
        <location filename="../claim_guards.py" line="77"/>
        <source>
……另有 {0} 条</source>
        <translation>
… {0} more</translation>
    </message>
    <message>
        <location filename="../claim_guards.py" line="87"/>
        <source>以下人员已在其他已保存的申请中申领过重叠的培训期:</source>
        <translation>These people were already claimed for an overlapping training period in another saved claim:</translation>
    </message>
    <message>
        <location filename="../claim_guards.py" line="88"/>
        <source>仍要导出吗?</source>
        <translation>Export anyway?</translation>
    </message>
    <message>
        <location filename="../claim_guards.py" line="97"/>
        <source>申请已保存,但未能登记或检查重复申领:{0}</source>
        <translation>The claim was saved, but it could not be registered or checked for double claims: {0}</translation>
    </message>
    <message>
        <location filename="../claim_guards.py" line="103"/>
        <source>已保存。注意:以下人员已在其他申请中申领过重叠的培训期:</source>
        <translation>Saved. Note: these people were already claimed for an overlapping training period in another claim:</translation>
    </message>
</context>
<context>
    <name>HeaderMappingDialog</name>
    <message>
        <location filename="../importing/mapping_dialog.py" line="26"/>
        <source>指定各列的含义</source>
        <translation>Map the columns</translation>
    </message>
    <message>
        <location filename="../importing/mapping_dialog.py" line="30"/>
        <source>文件的表头无法自动识别。请为每一列选择它的含义(不需要的列选“不导入”)。带 * 的是必填项。</source>
        <translation>The file’s headers were not recognised. Choose what each column means (choose “Do not import” for columns you do not need). Fields marked * are required.</translation>
    </message>
    <message>
        <location filename="../importing/mapping_dialog.py" line="40"/>
        <source>不导入</source>
        <translation>Do not import</translation>
    </message>
    <message>
        <location filename="../importing/mapping_dialog.py" line="69"/>
        <source>请指定:</source>
        <translation>Please map: </translation>
    </message>
    <message>
        <location filename="../importing/mapping_dialog.py" line="72"/>
        <source>重复指定:</source>
        <translation>Mapped twice: </translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <location filename="../importing/actions.py" line="23"/>
        <source>花名册 (*.xlsx *.xlsm *.xls *.ods *.csv);;Excel 工作簿 (*.xlsx);;CSV (*.csv)</source>
        <translation>Rosters (*.xlsx *.xlsm *.xls *.ods *.csv);;Excel workbooks (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="43"/>
        <source>导入花名册…</source>
        <translation>Import roster…</translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="44"/>
        <source>从 Excel 或 CSV 花名册导入培训班和学徒</source>
        <translation>Import classes and apprentices from an Excel or CSV roster</translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="46"/>
        <source>保存花名册模板…</source>
        <translation>Save roster template…</translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="47"/>
        <source>保存一个可填写的花名册 Excel 模板</source>
        <translation>Save an Excel roster template to fill in</translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="49"/>
        <source>上次导入结果…</source>
        <translation>Last import result…</translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="51"/>
        <source>再看一遍上次导入的问题清单,以及未导入的学徒按规则可得的金额</source>
        <translation>See the last import's problem list again, and what the apprentices not imported would receive under the rules</translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="64"/>
        <location filename="../importing/actions.py" line="121"/>
        <source>导入花名册</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="68"/>
        <source>保存花名册模板</source>
        <translation>Save roster template</translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="68"/>
        <source>花名册模板.xlsx</source>
        <translation>roster-template.xlsx</translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="69"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="88"/>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="88"/>
        <source>无法保存模板:</source>
        <translation>Cannot save the template: </translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="119"/>
        <source>正在读取并检查“%1”…</source>
        <translation>Reading and checking “%1”…</translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="119"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../importing/actions.py" line="208"/>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
</context>
<context>
    <name>ImportResultDialog</name>
    <message>
        <location filename="../importing/result_dialog.py" line="39"/>
        <source>导入结果:</source>
        <translation>Import result: </translation>
    </message>
    <message>
        <location filename="../importing/result_dialog.py" line="60"/>
        <source>保存问题清单(xlsx)…</source>
        <translation>Save problem list (xlsx)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../importing/result_dialog.py" line="66"/>
        <source>导入 %n 行</source>
        <translation>
            <numerusform>Import %n row</numerusform>
            <numerusform>Import %n rows</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../importing/result_dialog.py" line="78"/>
        <source>可导入 %1 行(培训班 %2 个,学徒 %3 人);未导入 %4 行;提示 %5 条。</source>
        <translation>Rows to import: %1 (classes: %2, apprentices: %3); rows not imported: %4; notices: %5.</translation>
    </message>
    <message>
        <location filename="../importing/result_dialog.py" line="82"/>
        <source>未导入的行不会进入申请;请按问题清单改正后重新导入。</source>
        <translation> Rows not imported stay out of the claim; correct them using the problem list and import again.</translation>
    </message>
    <message>
        <location filename="../importing/result_dialog.py" line="91"/>
        <source>第 {0} 行 {1}({2},{3}){4} 元</source>
        <translation>row {0} {1} ({2}, {3}) {4} yuan</translation>
    </message>
    <message>
        <location filename="../importing/result_dialog.py" line="95"/>
        <source>未导入的学徒中有 {0} 人属于已知班级;按当前规则集清算,他们合计可得 {1} 元,不改正就不会计入申请:</source>
        <translation>{0} of the apprentices not imported belong to known classes; settled under the current rule set they would earn {1} yuan in total, which the claim leaves out unless they are corrected: </translation>
    </message>
    <message>
        <location filename="../importing/result_dialog.py" line="98"/>
        <source>;另有 {0} 人</source>
        <translation>; and {0} more</translation>
    </message>
    <message>
        <location filename="../importing/result_dialog.py" line="104"/>
        <source>保存问题清单</source>
        <translation>Save problem list</translation>
    </message>
    <message>
        <location filename="../importing/result_dialog.py" line="105"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../importing/result_dialog.py" line="118"/>
        <source>保存失败</source>
        <translation>Save failed</translation>
    </message>
    <message>
        <location filename="../importing/result_dialog.py" line="118"/>
        <source>无法保存问题清单:</source>
        <translation>Cannot save the problem list: </translation>
    </message>
</context>
<context>
    <name>ImportWiring</name>
    <message>
        <location filename="../claim_guards.py" line="122"/>
        <source>;问题清单可在 文件 → 上次导入结果… 中再看</source>
        <translation>; the problem list can be seen again under File → Last import result…</translation>
    </message>
</context>
<context>
    <name>ImportWorker</name>
    <message>
        <location filename="../importing/worker.py" line="53"/>
        <source>文件过大,内存不足,无法导入</source>
        <translation>The file is too large to import (out of memory)</translation>
    </message>
    <message>
        <location filename="../importing/worker.py" line="55"/>
        <source>导入失败:</source>
        <translation>Import failed: </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../i18n_catalog.py" line="125"/>
        <location filename="../startup.py" line="33"/>
        <source>新型学徒制培训补贴计算</source>
        <translation>Apprenticeship Training Subsidy Calculator</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="106"/>
        <source>以下规则文件有错误,未加载:</source>
        <translation>These rule files have errors and were not loaded:</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="121"/>
        <source>就绪</source>
        <translation>Ready</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="155"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="156"/>
        <source>新建(&amp;N)</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="157"/>
        <source>打开(&amp;O)…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="158"/>
        <source>保存(&amp;S)</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="159"/>
        <source>另存为(&amp;A)…</source>
        <translation>Save &amp;As…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="160"/>
        <source>最近打开(&amp;R)</source>
        <translation>&amp;Recent Files</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="161"/>
        <source>退出(&amp;Q)</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="180"/>
        <source>已导出:%1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="188"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="190"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="194"/>
        <source>添加班级</source>
        <translation>Add class</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195"/>
        <source>添加学徒</source>
        <translation>Add apprentice</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="198"/>
        <source>首选项…</source>
        <translation>Preferences…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="199"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="200"/>
        <source>用户手册(&amp;M)</source>
        <translation>User &amp;Manual</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="204"/>
        <source>关于(&amp;A)</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="226"/>
        <source>导入申请</source>
        <translation>Import claim</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="234"/>
        <source>导入学徒名册</source>
        <translation>Import roster</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="242"/>
        <location filename="../main_window.py" line="406"/>
        <location filename="../startup.py" line="33"/>
        <source>未命名申请</source>
        <translation>Untitled claim</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="249"/>
        <source>草稿 · {0} 个问题</source>
        <translation>Draft · {0} problem(s)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="301"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="315"/>
        <source>未知的规则集</source>
        <translation>Unknown rule set</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="316"/>
        <source>文件使用的规则集“{0}”不在本软件中,请重新选择规则集。</source>
        <translation>The file uses rule set “{0}”, which this app does not have. Please choose a rule set.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="328"/>
        <source>申请</source>
        <translation>claim</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="342"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="448"/>
        <source>新申请:先填写申请单位,再添加班级或导入花名册</source>
        <translation>New claim: fill in the applicant enterprise, then add classes or import a roster</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="342"/>
        <source>保存“{0}”失败:{1}</source>
        <translation>Saving “{0}” failed: {1}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="53"/>
        <source>欢迎!从这里开始:
1. 在左侧填写申请单位和培训机构;
2. 点击“添加班级”填写培训班,或用 文件 → 导入花名册… 导入学徒名册;
3. 右上方随时显示应得、已预支和本次应付金额。
没填完也可以随时保存为草稿。按 F1 查看用户手册。</source>
        <translation>Welcome! Start here:
1. On the left, fill in the applicant enterprise and the training institution;
2. Click “Add class” to enter each class, or import the roster with File → Import roster…;
3. The top right always shows the subsidy earned, the advance paid and the amount payable now.
You can save a draft at any time, even an unfinished one. Press F1 for the user manual.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="350"/>
        <source>已保存为草稿(还有 {0} 个问题):{1}</source>
        <translation>Saved as a draft ({0} problem(s) left): {1}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="353"/>
        <source>已保存到 {0}</source>
        <translation>Saved to {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="393"/>
        <source>无法写入恢复文件:{0}</source>
        <translation>Cannot write the recovery file: {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="405"/>
        <source>文件:{0};培训班 {1} 个,学徒 {2} 人</source>
        <translation>File: {0}; {1} class(es), {2} apprentice(s)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="446"/>
        <source>培训班 {0} 个 · 学徒 {1} 人</source>
        <translation>{0} class(es) · {1} apprentice(s)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="452"/>
        <source>已按规则集 {0} 计算</source>
        <translation>Calculated with rule set {0}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="488"/>
        <source>版本</source>
        <translation>version</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="491"/>
        <source>规则集:</source>
        <translation>Rule set:</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="494"/>
        <source>关于</source>
        <translation>About</translation>
    </message>
</context>
<context>
    <name>MaterialsDialog</name>
    <message>
        <location filename="../report/materials_dialog.py" line="16"/>
        <source>{title}({stage})</source>
        <translation>{title} ({stage})</translation>
    </message>
    <message>
        <location filename="../report/materials_dialog.py" line="19"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../report/materials_dialog.py" line="19"/>
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../report/materials_dialog.py" line="19"/>
        <source>要求</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../report/materials_dialog.py" line="19"/>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../report/materials_dialog.py" line="19"/>
        <source>本软件</source>
        <translation>In this app</translation>
    </message>
    <message>
        <location filename="../report/materials_dialog.py" line="20"/>
        <source>出处</source>
        <translation>Reference</translation>
    </message>
</context>
<context>
    <name>PageModel</name>
    <message>
        <location filename="../report/preview_pages.py" line="153"/>
        <source>第 {page} 页 共 {total} 页</source>
        <translation>Page {page} of {total}</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../report/preview.py" line="31"/>
        <source>打印预览 - {title}</source>
        <translation>Print preview - {title}</translation>
    </message>
    <message>
        <location filename="../report/preview.py" line="36"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../report/preview.py" line="51"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../report/preview.py" line="52"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../report/preview.py" line="54"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../report/preview.py" line="55"/>
        <source>适合页面</source>
        <translation>Fit page</translation>
    </message>
    <message>
        <location filename="../report/preview.py" line="59"/>
        <source>放大({keys},或按住 Ctrl 向上滚动鼠标滚轮)</source>
        <translation>Zoom in ({keys}, or hold Ctrl and turn the mouse wheel up)</translation>
    </message>
    <message>
        <location filename="../report/preview.py" line="61"/>
        <source>缩小({keys},或按住 Ctrl 向下滚动鼠标滚轮)</source>
        <translation>Zoom out ({keys}, or hold Ctrl and turn the mouse wheel down)</translation>
    </message>
    <message>
        <location filename="../report/preview.py" line="63"/>
        <source>最宽的一页(横向的学徒名册)正好占满窗口宽度,每页都不用左右滚动</source>
        <translation>The widest page (the landscape roster) fills the window&apos;s width: no page needs scrolling sideways</translation>
    </message>
    <message>
        <location filename="../report/preview.py" line="64"/>
        <source>每一页都整页可见</source>
        <translation>Every page is seen whole</translation>
    </message>
    <message>
        <location filename="../report/preview.py" line="65"/>
        <source>实际大小:与纸面一样大</source>
        <translation>Actual size: as large as on paper</translation>
    </message>
    <message>
        <location filename="../report/preview.py" line="69"/>
        <source>当前显示比例</source>
        <translation>Current zoom</translation>
    </message>
</context>
<context>
    <name>ProblemTableModel</name>
    <message>
        <location filename="../importing/problem_model.py" line="33"/>
        <source>工作表</source>
        <translation>Sheet</translation>
    </message>
    <message>
        <location filename="../importing/problem_model.py" line="34"/>
        <source>行</source>
        <translation>Row</translation>
    </message>
    <message>
        <location filename="../importing/problem_model.py" line="35"/>
        <source>列</source>
        <translation>Column</translation>
    </message>
    <message>
        <location filename="../importing/problem_model.py" line="36"/>
        <source>值</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../importing/problem_model.py" line="37"/>
        <source>问题</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../importing/problem_model.py" line="38"/>
        <source>类别</source>
        <translation>Kind</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../smoke.py" line="23"/>
        <location filename="../smoke.py" line="35"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReportActions</name>
    <message>
        <location filename="../report/actions.py" line="46"/>
        <source>导出 PDF…</source>
        <translation>Export PDF…</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="47"/>
        <source>导出 Excel…</source>
        <translation>Export Excel…</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="48"/>
        <source>导出 CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="49"/>
        <source>打印预览…</source>
        <translation>Print Preview…</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="50"/>
        <source>打印…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="52"/>
        <source>申报材料清单…</source>
        <translation>Materials checklist…</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="53"/>
        <source>本阶段应提交的材料;本软件已生成或已有数据的已打勾</source>
        <translation>Materials to submit at this stage; ticked where this app produced them or holds the data</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="54"/>
        <source>名册打印完整身份证号</source>
        <translation>Full ID numbers in the roster</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="56"/>
        <source>默认隐去身份证号中间 8 位;勾选后打印和导出完整号码</source>
        <translation>By default the middle 8 digits of ID numbers are hidden; check to print and export full numbers</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="104"/>
        <source>无法导出</source>
        <translation>Cannot export</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="105"/>
        <source>当前申请有无法计算的内容(请先修正表格中标红的单元格),暂不能导出或打印。</source>
        <translation>The claim cannot be calculated yet (correct the cells marked red first), so it cannot be exported or printed.</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="130"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="141"/>
        <location filename="../report/actions.py" line="223"/>
        <source>无法生成 PDF</source>
        <translation>Cannot create the PDF</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="200"/>
        <source>无法显示</source>
        <translation>Cannot show</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="201"/>
        <source>当前申请有无法计算的内容(请先修正表格中标红的单元格),暂不能列出材料清单。</source>
        <translation>The claim cannot be calculated yet (correct the cells marked red first), so the materials checklist cannot be listed.</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="144"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="145"/>
        <source>无法写入文件“{path}”:{reason}</source>
        <translation>Cannot write “{path}”: {reason}</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="148"/>
        <source>已导出,但申请存在错误</source>
        <translation>Exported, but the claim has errors</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="149"/>
        <source>文件已保存,顶部标有“本申请存在错误,不可提交”。请修正错误后重新导出。</source>
        <translation>The file was saved and is marked “本申请存在错误,不可提交” (this claim has errors and cannot be filed). Correct the errors and export again.</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="158"/>
        <source>导出 PDF</source>
        <translation>Export PDF</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="158"/>
        <source>PDF 文件 (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="164"/>
        <source>正在生成 PDF…</source>
        <translation>Creating the PDF…</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="173"/>
        <source>导出 Excel</source>
        <translation>Export Excel</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="173"/>
        <source>Excel 工作簿 (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="179"/>
        <source>正在生成 Excel 工作簿…</source>
        <translation>Creating the Excel workbook…</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="189"/>
        <source>导出 CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../report/actions.py" line="189"/>
        <source>CSV 文件 (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
</context>
<context>
    <name>RuleActions</name>
    <message>
        <location filename="../rules_editor/wiring.py" line="57"/>
        <source>规则集…</source>
        <translation>Rule sets…</translation>
    </message>
    <message>
        <location filename="../rules_editor/wiring.py" line="59"/>
        <source>查看、复制、修改和比较规则集(保存为本地规则集)</source>
        <translation>View, copy, edit and compare rule sets (changes are saved as local rule sets)</translation>
    </message>
    <message>
        <location filename="../rules_editor/wiring.py" line="61"/>
        <source>导入规则集…</source>
        <translation>Import rule set…</translation>
    </message>
    <message>
        <location filename="../rules_editor/wiring.py" line="64"/>
        <source>导出规则集…</source>
        <translation>Export rule set…</translation>
    </message>
    <message>
        <location filename="../rules_editor/wiring.py" line="66"/>
        <source>把当前申请所用的规则集写成 .toml 文件,交给同事或接任的人导入</source>
        <translation>Write the rule set the open claim uses to a .toml file for a colleague or successor to import</translation>
    </message>
    <message>
        <location filename="../rules_editor/wiring.py" line="151"/>
        <source>规则文件有误</source>
        <translation>Invalid rule file</translation>
    </message>
    <message>
        <location filename="../rules_editor/wiring.py" line="152"/>
        <source>规则文件有误,未导入:</source>
        <translation>The rule file is invalid and was not imported:</translation>
    </message>
    <message>
        <location filename="../rules_editor/wiring.py" line="155"/>
        <source>无法读取</source>
        <translation>Cannot read</translation>
    </message>
    <message>
        <location filename="../rules_editor/wiring.py" line="157"/>
        <source>导入到本机规则文件夹吗?</source>
        <translation>Import it into this computer’s rule folder?</translation>
    </message>
    <message>
        <location filename="../rules_editor/wiring.py" line="163"/>
        <source>无法导入</source>
        <translation>Cannot import</translation>
    </message>
    <message>
        <location filename="../rules_editor/wiring.py" line="163"/>
        <source>无法写入 {0}:{1}</source>
        <translation>Cannot write {0}: {1}</translation>
    </message>
</context>
<context>
    <name>RuleFields</name>
    <message>
        <location filename="../i18n_catalog.py" line="47"/>
        <source>规则集编号</source>
        <translation>Rule set ID</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="48"/>
        <source>名称</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="49"/>
        <source>地区</source>
        <translation>Region</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="50"/>
        <source>文号</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="51"/>
        <source>出处</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="52"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="53"/>
        <source>版本</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="54"/>
        <source>复核日期</source>
        <translation>Review after</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="55"/>
        <source>有效期起</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="56"/>
        <source>有效期止</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="57"/>
        <source>提示</source>
        <translation>Cautions</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="58"/>
        <source>起始日期</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="59"/>
        <source>假设</source>
        <translation>Assumptions</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="60"/>
        <source>参数</source>
        <translation>Parameters</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="61"/>
        <source>条款</source>
        <translation>Clause</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="62"/>
        <source>补贴标准</source>
        <translation>Subsidy rate</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="63"/>
        <source>标准依据</source>
        <translation>Rate based on</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="64"/>
        <source>各等级标准</source>
        <translation>Rate per level</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="65"/>
        <source>不超过实际培训费用</source>
        <translation>Capped at actual training cost</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="66"/>
        <source>费用比例</source>
        <translation>Share of cost</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="67"/>
        <source>下限</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="68"/>
        <source>上限</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="69"/>
        <source>全额补贴线</source>
        <translation>Reimbursed in full up to</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="70"/>
        <source>学生学徒补贴标准</source>
        <translation>Student apprentice rate</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="71"/>
        <source>学生学徒各等级标准</source>
        <translation>Student apprentice rate per level</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="72"/>
        <source>学生学徒统一标准(元/人·年)</source>
        <translation>Student apprentice flat rate (yuan/person·year)</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="73"/>
        <source>每年下限</source>
        <translation>Minimum per year</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="74"/>
        <source>每年上限</source>
        <translation>Maximum per year</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="75"/>
        <source>紧缺职业上浮</source>
        <translation>Shortage occupation uplift</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="76"/>
        <source>上浮比例</source>
        <translation>Uplift</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="77"/>
        <source>起始等级</source>
        <translation>From level</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="78"/>
        <source>最高上浮</source>
        <translation>Uplift at most</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="79"/>
        <source>结果系数</source>
        <translation>Outcome factors</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="80"/>
        <source>取证</source>
        <translation>Certified</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="81"/>
        <source>系数</source>
        <translation>Factor</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="82"/>
        <source>固定标准</source>
        <translation>Fixed rate</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="83"/>
        <source>说明</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="84"/>
        <source>结业未取证</source>
        <translation>Completed without certificate</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="85"/>
        <source>退出</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="86"/>
        <source>在训</source>
        <translation>In training</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="87"/>
        <source>补贴期</source>
        <translation>Subsidy period</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="88"/>
        <source>计算单位</source>
        <translation>Counted in</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="89"/>
        <source>不足一年</source>
        <translation>Part of a year</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="90"/>
        <source>最长补贴期(月)</source>
        <translation>Longest subsidy period (months)</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="91"/>
        <source>最短培训期(月)</source>
        <translation>Shortest training period (months)</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="92"/>
        <source>各等级标准培训期(月)</source>
        <translation>Standard training period per level (months)</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="93"/>
        <source>预支</source>
        <translation>Advance</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="94"/>
        <source>预支比例</source>
        <translation>Advance ratio</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="95"/>
        <source>预支基数</source>
        <translation>Advance based on</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="96"/>
        <source>分期拨付</source>
        <translation>Instalments</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="97"/>
        <source>拨付时点</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="98"/>
        <source>比例</source>
        <translation>Ratio</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="99"/>
        <source>学生学徒预支比例</source>
        <translation>Student apprentice advance ratio</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="100"/>
        <source>预支申请期限(开班后月数)</source>
        <translation>Advance claim deadline (months after class start)</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="101"/>
        <source>清算</source>
        <translation>Settlement</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="102"/>
        <source>退款期限(月)</source>
        <translation>Refund within (months)</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="103"/>
        <source>舍入</source>
        <translation>Rounding</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="104"/>
        <source>舍入单位</source>
        <translation>Rounding step</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="105"/>
        <source>舍入方式</source>
        <translation>Rounding mode</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="106"/>
        <source>资格</source>
        <translation>Eligibility</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="107"/>
        <source>劳动合同最短期限(月)</source>
        <translation>Shortest labour contract (months)</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="108"/>
        <source>最低年龄</source>
        <translation>Minimum age</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="109"/>
        <source>社保连续缴费最短月数</source>
        <translation>Shortest continuous social insurance (months)</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="110"/>
        <source>学时</source>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="111"/>
        <source>集中授课最少学时(每年)</source>
        <translation>Minimum classroom hours (per year)</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="112"/>
        <source>岗位实操最少学时(每年)</source>
        <translation>Minimum on-the-job hours (per year)</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="113"/>
        <source>申请限额</source>
        <translation>Claim limits</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="114"/>
        <source>企业年度学徒名额</source>
        <translation>Apprentices per enterprise per year</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="115"/>
        <source>单次申请补贴上限</source>
        <translation>Maximum subsidy per claim</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="116"/>
        <source>来源</source>
        <translation>Sources</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="117"/>
        <source>申报材料</source>
        <translation>Materials checklist</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="118"/>
        <source>预支(开班)材料</source>
        <translation>Advance (class opening) materials</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="119"/>
        <source>材料</source>
        <translation>Material</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="120"/>
        <source>必交</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="121"/>
        <source>份数</source>
        <translation>Copies</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="122"/>
        <source>本软件提供的数据</source>
        <translation>Data this app provides</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="123"/>
        <source>清算材料</source>
        <translation>Settlement materials</translation>
    </message>
</context>
<context>
    <name>SettlementFromAdvance</name>
    <message>
        <location filename="../settlement_action.py" line="30"/>
        <source>由预支申请生成清算申请(&amp;T)…</source>
        <translation>Se&amp;ttlement from Advance Claim…</translation>
    </message>
    <message>
        <location filename="../settlement_action.py" line="31"/>
        <source>选择已保存的预支申请:单位、机构、规则集和班级照搬,已预支金额按预支申请的结果填入</source>
        <translation>Choose a saved advance claim: its enterprise, institution, rule set and classes are copied, and the advance paid is filled in from its result</translation>
    </message>
    <message>
        <location filename="../settlement_action.py" line="46"/>
        <source>无法生成清算申请</source>
        <translation>Cannot create the settlement claim</translation>
    </message>
    <message>
        <location filename="../settlement_action.py" line="55"/>
        <source>预支申请使用的规则集“{0}”不在本软件中。</source>
        <translation>The advance claim uses rule set “{0}”, which this app does not have.</translation>
    </message>
    <message>
        <location filename="../settlement_action.py" line="59"/>
        <source>已由预支申请“{0}”生成清算申请:请填写每位学徒的结业状态,然后保存。</source>
        <translation>Settlement claim created from advance claim “{0}”: fill in each apprentice’s outcome, then save.</translation>
    </message>
</context>
<context>
    <name>WindowShell</name>
    <message>
        <location filename="../startup.py" line="58"/>
        <source>正在启动…</source>
        <translation>Starting…</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <location filename="../i18n_catalog.py" line="8"/>
        <source>班级编号</source>
        <translation>Class ID</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="9"/>
        <source>培训职业</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="10"/>
        <source>培训等级</source>
        <translation>Level</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="11"/>
        <source>学徒类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="12"/>
        <source>开班日期</source>
        <translation>Start date</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="13"/>
        <source>结业日期</source>
        <translation>End date</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="14"/>
        <source>计划人数</source>
        <translation>Planned</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="15"/>
        <source>取证人数</source>
        <translation>Certified</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="16"/>
        <source>结业未取证人数</source>
        <translation>No cert.</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="17"/>
        <source>退出人数</source>
        <translation>Dropped</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="18"/>
        <source>人均培训费用</source>
        <translation>Cost/person</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="19"/>
        <source>紧缺职业</source>
        <translation>Shortage</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="20"/>
        <source>已预支金额</source>
        <translation>Advance</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="21"/>
        <source>在训人数</source>
        <translation>In training</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="22"/>
        <source>集中授课学时</source>
        <translation>Class hrs</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="23"/>
        <source>岗位实操学时</source>
        <translation>Practice hrs</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="24"/>
        <source>学徒月实习津贴</source>
        <translation>Allowance/mo</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="25"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="26"/>
        <source>身份证号</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="27"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="28"/>
        <source>证书编号</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="29"/>
        <source>劳动合同开始</source>
        <translation>Contract start</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="30"/>
        <source>劳动合同结束</source>
        <translation>Contract end</translation>
    </message>
    <message>
        <location filename="../i18n_catalog.py" line="31"/>
        <source>社保连续缴费月数</source>
        <translation>Insured months</translation>
    </message>
</context>
</TS>
