"""Realistic claims for the export tests and the documentation screenshot (valid IDs and credit codes)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from stdnum.cn import uscc

from bench.samples import make_id
from subsidy_calc.engine import calculate
from subsidy_calc.enums import Outcome, Stage
from subsidy_calc.models import Apprentice, Claim, Enterprise, TrainingClass, TrainingInstitution
from subsidy_calc.results import ClaimResult
from subsidy_calc.rule_loading import load_catalog
from subsidy_calc.rule_schema import RuleSet

ENTERPRISE_NAME = "金昌市金川精工机械制造有限公司"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧"
GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超")


def credit_code(base17: str) -> str:
    return base17 + uscc.calc_check_digit(base17)


def id_number(serial: int, birth: str = "19950315") -> str:
    return make_id("620302", date(int(birth[:4]), int(birth[4:6]), int(birth[6:8])), serial)


def roster(class_id: str, count: int, start: int, certified: int, no_cert: int, dropped: int) -> list[Apprentice]:
    people = []
    for k in range(count):
        if k < certified:
            status, cert = Outcome.CERTIFIED, f"S{2025}{class_id}{k + 1:04d}"
        elif k < certified + no_cert:
            status, cert = Outcome.COMPLETED_NO_CERT, ""
        elif k < certified + no_cert + dropped:
            status, cert = Outcome.DROPPED, ""
        else:
            status, cert = Outcome.IN_TRAINING, ""
        n = start + k
        name = SURNAMES[n % len(SURNAMES)] + GIVEN[(n // len(SURNAMES) + k) % len(GIVEN)]
        people.append(Apprentice(name=name, id_number=id_number(n), class_id=class_id, status=status,
                                 certificate_no=cert))
    return people


def make_claim(sizes: tuple[int, int] = (18, 12), stage: Stage = Stage.SETTLEMENT,
               advances: tuple[Decimal | None, Decimal | None] = (Decimal(36000), Decimal(30000)),
               name: str = ENTERPRISE_NAME) -> Claim:
    """Two classes (焊工 中级工 24 months, 电工 高级工 12 months) with rosters of the given sizes."""
    a, b = sizes
    classes = [
        TrainingClass(class_id="A01", occupation="焊工", level="中级工", start_date=date(2023, 3, 1),
                      end_date=date(2025, 2, 28), planned=a, advance_paid=advances[0]),
        TrainingClass(class_id="A02", occupation="电工", level="高级工", start_date=date(2023, 9, 1),
                      end_date=date(2024, 8, 31), planned=b, advance_paid=advances[1]),
    ]
    people = roster("A01", a, 1, certified=a - a // 6 - a // 9, no_cert=a // 6, dropped=a // 9)
    people += roster("A02", b, 1 + a, certified=b - b // 6 - b // 12, no_cert=b // 6, dropped=b // 12)
    return Claim(
        enterprise=Enterprise(name=name, credit_code=credit_code("91620300MA71K8QP3"),
                              bank="中国工商银行金昌分行营业部", account="2706 0201 0900 1234 567",
                              contact="李晓红", phone="0935-8221234"),
        institution=TrainingInstitution(name="金昌市高级技工学校", code=credit_code("52620300MJ8612345"),
                                        contact="赵老师"),
        ruleset_id="jinchang-2024", stage=stage, claim_date=date(2025, 3, 10), classes=classes, roster=people,
    )


def calculated(claim: Claim) -> tuple[Claim, ClaimResult, RuleSet]:
    ruleset = load_catalog().get(claim.ruleset_id)
    return claim, calculate(claim, ruleset), ruleset


RARE_NAMES = ("王䶮", "李𠮷", "𠮷田䶮")  # CJK Extension A (U+4DAE) and B (U+20BB7): not in WenQuanYi Micro Hei
OCCUPATIONS = ("焊工", "电工", "车工", "钳工", "数控车工", "化学检验员", "工业机器人系统运维员", "汽车维修工")


def make_big_claim(n_classes: int = 40, per_class: int = 30, stage: Stage = Stage.SETTLEMENT) -> Claim:
    """`n_classes` classes of `per_class` apprentices each (40 × 30 = 1,200), with contract dates, long
    class ids and occupations, and the rare names of RARE_NAMES in the first class."""
    base = make_claim((2, 2), stage=stage)
    classes, people = [], []
    for k in range(n_classes):
        class_id = f"HG2024-{k + 1:02d}"
        level = ("中级工", "高级工", "技师")[k % 3]
        start = date(2023, 1 + k % 12, 1)
        classes.append(TrainingClass(class_id=class_id, occupation=OCCUPATIONS[k % len(OCCUPATIONS)], level=level,
                                     start_date=start, end_date=date(start.year + 1, start.month, 1),
                                     planned=per_class, advance_paid=Decimal(30000 + 500 * k)))
        members = roster(class_id, per_class, 1 + k * per_class, certified=per_class - 5, no_cert=3, dropped=2)
        birth = f"{1990 + k // 12}{1 + k % 12:02d}15"  # one birth date per class: no ID twice in the claim
        for serial, member in enumerate(members, start=1):
            people.append(member.model_copy(update={
                "id_number": id_number(serial, birth), "contract_start": date(2022, 12, 1),
                "contract_end": date(2026, 11, 30)}))
    for index, name in enumerate(RARE_NAMES):
        people[index] = people[index].model_copy(update={"name": name})
    return base.model_copy(update={"classes": classes, "roster": people})
