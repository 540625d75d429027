"""The words of a PDF masthead in each of the six languages: the PDF of a language version
reads "Documento C24/7", its date and "Original: inglés" in that version's language.

Written out here rather than taken from the interface's translation catalogs: the masthead
is part of the official document in its language whatever languages the interface offers."""

from __future__ import annotations

import datetime as dt

# The letter of each language in symbols and file names (C24/7-F, C24-7-F.pdf).
LANGUAGE_LETTERS = {"ar": "A", "zh": "C", "en": "E", "fr": "F", "ru": "R", "es": "S"}

DOCUMENT_WORD = {
    "ar": "وثيقة",
    "zh": "文件",
    "en": "Document",
    "fr": "Document",
    "ru": "Документ",
    "es": "Documento",
}
ORIGINAL_WORD = {
    "ar": "الأصل: {}",
    "zh": "原文：{}",
    "en": "Original: {}",
    "fr": "Original : {}",
    "ru": "Оригинал: {}",
    "es": "Original: {}",
}
# The name of each language (columns) written in each language (rows).
LANGUAGE_NAMES = {
    "ar": {
        "ar": "عربي",
        "zh": "صيني",
        "en": "إنكليزي",
        "fr": "فرنسي",
        "ru": "روسي",
        "es": "إسباني",
    },
    "zh": {
        "ar": "阿拉伯文",
        "zh": "中文",
        "en": "英文",
        "fr": "法文",
        "ru": "俄文",
        "es": "西班牙文",
    },
    "en": {
        "ar": "Arabic",
        "zh": "Chinese",
        "en": "English",
        "fr": "French",
        "ru": "Russian",
        "es": "Spanish",
    },
    "fr": {
        "ar": "arabe",
        "zh": "chinois",
        "en": "anglais",
        "fr": "français",
        "ru": "russe",
        "es": "espagnol",
    },
    "ru": {
        "ar": "арабский",
        "zh": "китайский",
        "en": "английский",
        "fr": "французский",
        "ru": "русский",
        "es": "испанский",
    },
    "es": {
        "ar": "árabe",
        "zh": "chino",
        "en": "inglés",
        "fr": "francés",
        "ru": "ruso",
        "es": "español",
    },
}
MONTHS = {
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "ar": "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
}
DIRECTION = {"ar": "rtl"}


def masthead_date(value: dt.date, language: str) -> str:
    """12 June 2024, 12 juin 2024, 12 de junio de 2024, 2024年6月12日."""
    if language == "zh":
        return f"{value.year}年{value.month}月{value.day}日"
    if language in MONTHS:
        month = MONTHS[language].split()[value.month - 1]
        if language == "es":
            return f"{value.day} de {month} de {value.year}"
        return f"{value.day} {month} {value.year}"
    return f"{value.day} {value:%B %Y}"


def masthead(*, language: str, original: str, date: dt.date) -> dict[str, str]:
    """The masthead words of a PDF in ``language`` of a document whose original is
    ``original``."""
    return {
        "lang": language,
        "dir": DIRECTION.get(language, "ltr"),
        "document_word": DOCUMENT_WORD[language],
        "original_line": ORIGINAL_WORD[language].format(LANGUAGE_NAMES[language][original]),
        "date": masthead_date(date, language),
    }
