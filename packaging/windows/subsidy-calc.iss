; Inno Setup 6 script (UTF-8 with BOM, which ISCC needs for the Chinese names): a per-user installer (no administrator rights) for the one-folder bundle that
; packaging/build.py makes in dist\subsidy-calc\. Built by .github/workflows/release.yml:
;   ISCC.exe /DAppVersion=0.1.0 packaging\windows\subsidy-calc.iss
; Installs to %LOCALAPPDATA%\Programs\subsidy-calc, a Start menu entry (and optionally a desktop icon),
; an entry in Settings > Apps for uninstalling. The user's data (%LOCALAPPDATA%\subsidy-calc) and settings
; (%APPDATA%\subsidy-calc) are kept on uninstall: claims and the double-claim register are the user's.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z subsidy-calc.iss
#endif
#define AppName "新型学徒制培训补贴计算器"
#define AppExe "subsidy-calc.exe"
#define Root "..\.."

[Setup]
AppId={{6F1C2B8E-4D3A-4B7E-9C51-2A8D7E3F0B64}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=subsidy-calc
DefaultDirName={autopf}\subsidy-calc
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
; Windows 10 1809 (build 17763) and later, 64-bit only (the bundle is x64)
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#Root}\dist
OutputBaseFilename=subsidy-calc-{#AppVersion}-windows-x64-setup
SetupIconFile={#Root}\build\icons\subsidy-calc.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
#ifexist "ChineseSimplified.isl"
Name: "zh_CN"; MessagesFile: "ChineseSimplified.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
en.StartApp=Start the subsidy calculator
#ifexist "ChineseSimplified.isl"
zh_CN.StartApp=启动补贴计算器
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#Root}\dist\subsidy-calc\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; an update replaces the bundle's runtime as a whole (no stale libraries from an older version)
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:StartApp}"; Flags: nowait postinstall skipifsilent
