"""Enumerations of the domain (skill levels, apprentice types, outcomes, stages) and their Chinese names."""

from __future__ import annotations

from enum import StrEnum


class SkillLevel(StrEnum):
    """Target vocational skill level (职业技能等级, 新八级); values are stable ids used in files."""

    JUNIOR = "junior"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"
    TECHNICIAN = "technician"
    SENIOR_TECHNICIAN = "senior_technician"

    @property
    def label(self) -> str:
        return _LEVEL_LABELS[self]

    @property
    def grade(self) -> str:
        return _LEVEL_GRADES[self]

    @classmethod
    def parse(cls, text: str) -> SkillLevel:
        """Accept 中级工 / 四级 / 中级 / intermediate …; raise ValueError with a Chinese message."""
        key = _normalise(text)
        try:
            return _LEVEL_ALIASES[key]
        except KeyError:
            raise ValueError(
                f"无法识别的培训等级“{text}”,应为 中级工/四级、高级工/三级、技师/二级、高级技师/一级 之一"
            ) from None


_LEVEL_LABELS = {
    SkillLevel.JUNIOR: "初级工",
    SkillLevel.INTERMEDIATE: "中级工",
    SkillLevel.ADVANCED: "高级工",
    SkillLevel.TECHNICIAN: "技师",
    SkillLevel.SENIOR_TECHNICIAN: "高级技师",
}
_LEVEL_GRADES = {
    SkillLevel.JUNIOR: "五级",
    SkillLevel.INTERMEDIATE: "四级",
    SkillLevel.ADVANCED: "三级",
    SkillLevel.TECHNICIAN: "二级",
    SkillLevel.SENIOR_TECHNICIAN: "一级",
}


def _normalise(text: str) -> str:
    return "".join(str(text).split()).replace("(", "(").replace(")", ")").lower()


_LEVEL_ALIASES: dict[str, SkillLevel] = {}
for _level in SkillLevel:
    for _alias in (
        _level.value,
        _LEVEL_LABELS[_level],
        _LEVEL_GRADES[_level],
        _LEVEL_LABELS[_level].removesuffix("工"),
        f"{_LEVEL_LABELS[_level]}({_LEVEL_GRADES[_level]})",
        f"{_LEVEL_GRADES[_level]}({_LEVEL_LABELS[_level]})",
        f"{_LEVEL_GRADES[_level]}/{_LEVEL_LABELS[_level]}",
        f"{_LEVEL_LABELS[_level]}/{_LEVEL_GRADES[_level]}",
    ):
        _LEVEL_ALIASES[_normalise(_alias)] = _level
_LEVEL_ALIASES.update(
    {
        "5级": SkillLevel.JUNIOR,
        "4级": SkillLevel.INTERMEDIATE,
        "3级": SkillLevel.ADVANCED,
        "2级": SkillLevel.TECHNICIAN,
        "1级": SkillLevel.SENIOR_TECHNICIAN,
        "senior technician": SkillLevel.SENIOR_TECHNICIAN,
        "seniortechnician": SkillLevel.SENIOR_TECHNICIAN,
    }
)


class ApprenticeType(StrEnum):
    """职工学徒 (enterprise staff) or 学生学徒 (final-year technical-school students)."""

    EMPLOYEE = "employee"
    STUDENT = "student"

    @property
    def label(self) -> str:
        return "职工学徒" if self is ApprenticeType.EMPLOYEE else "学生学徒"

    @classmethod
    def parse(cls, text: str) -> ApprenticeType:
        key = _normalise(text)
        if key in ("", "职工学徒", "职工", "employee", "企业职工"):
            return cls.EMPLOYEE
        if key in ("学生学徒", "学生", "student"):
            return cls.STUDENT
        raise ValueError(f"无法识别的学徒类型“{text}”,应为 职工学徒 或 学生学徒")


class Outcome(StrEnum):
    """Where an apprentice stands: certified, completed without a certificate, dropped, still training."""

    CERTIFIED = "certified"
    COMPLETED_NO_CERT = "completed_no_cert"
    DROPPED = "dropped"
    IN_TRAINING = "in_training"

    @property
    def label(self) -> str:
        return _OUTCOME_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> Outcome:
        key = _normalise(text)
        for outcome, aliases in _OUTCOME_ALIASES.items():
            if key in aliases:
                return outcome
        raise ValueError(f"无法识别的状态“{text}”,应为 在训、取证、结业未取证、退出 之一")


_OUTCOME_LABELS = {
    Outcome.CERTIFIED: "取证",
    Outcome.COMPLETED_NO_CERT: "结业未取证",
    Outcome.DROPPED: "退出",
    Outcome.IN_TRAINING: "在训",
}
_OUTCOME_ALIASES = {
    Outcome.CERTIFIED: {"取证", "已取证", "结业取证", "certified", "取得证书"},
    Outcome.COMPLETED_NO_CERT: {"结业未取证", "未取证", "结业", "completed_no_cert", "completed"},
    Outcome.DROPPED: {"退出", "中途退出", "流失", "dropped", "离职"},
    Outcome.IN_TRAINING: {"在训", "培训中", "在培", "in_training", "training"},
}


class Stage(StrEnum):
    """Which claim is being prepared: 预支 (advance at opening) or 清算 (settlement after training)."""

    ADVANCE = "advance"
    SETTLEMENT = "settlement"

    @property
    def label(self) -> str:
        return "预支" if self is Stage.ADVANCE else "清算"

    @classmethod
    def parse(cls, text: str) -> Stage:
        key = _normalise(text)
        if key in ("advance", "预支", "预拨"):
            return cls.ADVANCE
        if key in ("settlement", "清算", "结算"):
            return cls.SETTLEMENT
        raise ValueError(f"无法识别的申领阶段“{text}”,应为 预支(advance) 或 清算(settlement)")
