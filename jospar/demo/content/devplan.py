"""The development plan 2025–2029: directions, macroindicators, goals, target indicators and the
Section II tasks of the ministry's regulation."""

from typing import Any

_PCT = {"unit_kk": "%", "unit_ru": "%", "unit_en": "%"}
_MCM = {"unit_kk": "млн м³", "unit_ru": "млн м³", "unit_en": "million m³"}
_KHA = {"unit_kk": "мың га", "unit_ru": "тыс. га", "unit_en": "thousand ha"}
_KM = {"unit_kk": "км", "unit_ru": "км", "unit_en": "km"}
_PCS = {"unit_kk": "бірлік", "unit_ru": "единиц", "unit_en": "units"}
_PERSONS = {"unit_kk": "адам", "unit_ru": "человек", "unit_en": "persons"}


def _values(v2025, v2026, v2027, v2028, v2029):
    return {"2025": v2025, "2026": v2026, "2027": v2027, "2028": v2028, "2029": v2029}


DIRECTION_1: dict[str, Any] = {
    "name_kk": "Су қауіпсіздігін қамтамасыз ету және су үнемдеу",
    "name_ru": "Обеспечение водной безопасности и водосбережение",
    "name_en": "Water security and water saving",
    "macroindicators": [
        {
            "code": "M1",
            "name_kk": "Су үнемдеу шаралары есебінен үнемделген су көлемі (өсу қорытындысымен)",
            "name_ru": "Объем сэкономленной воды за счет мер по водосбережению (нарастающим итогом)",
            "name_en": "Volume of water saved through water-saving measures (cumulative)",
            **_MCM,
            "baseline": "420.0",
            "values": _values("900.0", "1500.0", "2200.0", "3000.0", "3800.0"),
        },
        {
            "code": "M2",
            "name_kk": "Пайдаланылатын суармалы жерлердің ауданы",
            "name_ru": "Площадь используемых орошаемых земель",
            "name_en": "Area of irrigated land in use",
            **_KHA,
            "baseline": "1530.0",
            "values": _values("1600.0", "1680.0", "1760.0", "1850.0", "1950.0"),
        },
    ],
    "goals": [
        {
            "code": "G1.1",
            "name_kk": "Су үнемдеу технологияларын кеңінен енгізу және суды ұтымды пайдалану",
            "name_ru": "Широкое внедрение водосберегающих технологий и рациональное использование воды",
            "name_en": "Wide adoption of water-saving technologies and rational water use",
            "indicators": [
                {
                    "code": "T1.1.1",
                    "name_kk": (
                        "Су үнемдеу технологиялары (тамшылатып, жаңбырлатып суару) қолданылатын "
                        "суармалы жерлердің ауданы"
                    ),
                    "name_ru": (
                        "Площадь орошаемых земель с применением водосберегающих технологий "
                        "(капельное, дождевальное орошение)"
                    ),
                    "name_en": "Irrigated area under water-saving technologies (drip, sprinkler)",
                    **_KHA,
                    "baseline": "310.0",
                    "values": _values("400.0", "520.0", "650.0", "790.0", "950.0"),
                },
                {
                    "code": "T1.1.2",
                    "name_kk": "Су алу құрылыстарының су есепке алу құралдарымен жарақтандырылу деңгейі",
                    "name_ru": "Уровень оснащенности водозаборных сооружений средствами учета воды",
                    "name_en": "Share of water intakes equipped with water meters",
                    **_PCT,
                    "baseline": "38.0",
                    "values": _values("48.0", "60.0", "72.0", "85.0", "95.0"),
                },
                {
                    "code": "T1.1.3",
                    "name_kk": "Өнеркәсіптегі айналымдағы және қайталама-бірізді сумен жабдықтаудың үлесі",
                    "name_ru": "Доля оборотного и повторно-последовательного водоснабжения в промышленности",
                    "name_en": "Share of recycled and reused water supply in industry",
                    **_PCT,
                    "baseline": "58.0",
                    "values": _values("60.0", "62.5", "65.0", "67.5", "70.0"),
                },
            ],
        },
        {
            "code": "G1.2",
            "name_kk": "Су ресурстарын бассейндік қағидат бойынша тиімді басқару және су объектілерін қорғау",
            "name_ru": (
                "Эффективное управление водными ресурсами по бассейновому принципу и охрана водных объектов"
            ),
            "name_en": "Efficient basin-based water management and protection of water bodies",
            "indicators": [
                {
                    "code": "T1.2.1",
                    "name_kk": "Су шаруашылығы баланстары бекітілген су шаруашылығы бассейндерінің үлесі",
                    "name_ru": (
                        "Доля водохозяйственных бассейнов с утвержденными водохозяйственными балансами"
                    ),
                    "name_en": "Share of river basins with approved water balances",
                    **_PCT,
                    "baseline": "25.0",
                    "values": _values("37.5", "62.5", "87.5", "100.0", "100.0"),
                },
                {
                    "code": "T1.2.2",
                    "name_kk": "Су қорғау аймақтары мен белдеулері белгіленген су объектілерінің саны",
                    "name_ru": "Количество водных объектов с установленными водоохранными зонами и полосами",
                    "name_en": "Water bodies with established water protection zones and strips",
                    **_PCS,
                    "baseline": "1250",
                    "values": _values("1400", "1600", "1800", "2000", "2200"),
                },
                {
                    "code": "T1.2.3",
                    "name_kk": (
                        "Табиғат қорғау (экологиялық) су жіберулерінің жоспарланған көлемінің "
                        "орындалу деңгейі"
                    ),
                    "name_ru": "Уровень выполнения плановых объемов природоохранных (экологических) попусков",
                    "name_en": "Fulfilment of planned environmental flow releases",
                    **_PCT,
                    "baseline": "85.0",
                    "values": _values("87.0", "89.0", "91.0", "93.0", "95.0"),
                },
            ],
        },
    ],
}

DIRECTION_2: dict[str, Any] = {
    "name_kk": "Сенімді су шаруашылығы инфрақұрылымы және су тасқынынан қорғау",
    "name_ru": "Надежная водохозяйственная инфраструктура и защита от паводков",
    "name_en": "Reliable water infrastructure and flood protection",
    "macroindicators": [
        {
            "code": "M3",
            "name_kk": "Су шаруашылығы инфрақұрылымының тозу деңгейі",
            "name_ru": "Уровень износа водохозяйственной инфраструктуры",
            "name_en": "Wear level of water infrastructure",
            **_PCT,
            "baseline": "62.0",
            "values": _values("60.0", "57.5", "55.0", "52.0", "48.0"),
        },
        {
            "code": "M4",
            "name_kk": "Су тасқыны қаупі бар елді мекендердің қорғалу деңгейі",
            "name_ru": "Уровень защищенности населенных пунктов, подверженных риску паводков",
            "name_en": "Protection level of flood-prone settlements",
            **_PCT,
            "baseline": "55.0",
            "values": _values("60.0", "66.0", "72.0", "78.0", "85.0"),
        },
    ],
    "goals": [
        {
            "code": "G2.1",
            "name_kk": "Ирригациялық және мелиоративтік жүйелерді жаңғырту",
            "name_ru": "Модернизация ирригационных и мелиоративных систем",
            "name_en": "Modernising irrigation and drainage systems",
            "indicators": [
                {
                    "code": "T2.1.1",
                    "name_kk": "Реконструкцияланған ирригациялық каналдардың ұзындығы (өсу қорытындысымен)",
                    "name_ru": "Протяженность реконструированных ирригационных каналов (нарастающим итогом)",
                    "name_en": "Length of reconstructed irrigation canals (cumulative)",
                    **_KM,
                    "baseline": "3500.0",
                    "values": _values("4800.0", "6500.0", "8300.0", "10200.0", "12000.0"),
                },
                {
                    "code": "T2.1.2",
                    "name_kk": "Суару суын тасымалдау кезіндегі су шығыны",
                    "name_ru": "Потери воды при транспортировке оросительной воды",
                    "name_en": "Water losses in conveying irrigation water",
                    **_PCT,
                    "baseline": "40.0",
                    "values": _values("38.0", "35.0", "32.0", "29.5", "27.0"),
                },
                {
                    "code": "T2.1.3",
                    "name_kk": (
                        "Мелиоративтік жай-күйі жақсартылған суармалы жерлердің ауданы (өсу қорытындысымен)"
                    ),
                    "name_ru": (
                        "Площадь орошаемых земель с улучшенным мелиоративным состоянием (нарастающим итогом)"
                    ),
                    "name_en": "Irrigated area with improved reclamation status (cumulative)",
                    **_KHA,
                    "baseline": "95.0",
                    "values": _values("130.0", "175.0", "225.0", "280.0", "340.0"),
                },
            ],
        },
        {
            "code": "G2.2",
            "name_kk": (
                "Су қоймалары мен гидротехникалық құрылыстардың қауіпсіздігі мен сенімділігін қамтамасыз ету"
            ),
            "name_ru": "Обеспечение безопасности и надежности водохранилищ и гидротехнических сооружений",
            "name_en": "Safety and reliability of reservoirs and hydrotechnical structures",
            "indicators": [
                {
                    "code": "T2.2.1",
                    "name_kk": "Техникалық жай-күйі тексерілген гидротехникалық құрылыстардың үлесі",
                    "name_ru": (
                        "Доля гидротехнических сооружений, прошедших обследование технического состояния"
                    ),
                    "name_en": "Share of hydrotechnical structures with a technical condition survey",
                    **_PCT,
                    "baseline": "45.0",
                    "values": _values("60.0", "75.0", "85.0", "95.0", "100.0"),
                },
                {
                    "code": "T2.2.2",
                    "name_kk": (
                        "Реконструкцияланған және күрделі жөнделген су қоймалары мен гидротораптардың саны "
                        "(өсу қорытындысымен)"
                    ),
                    "name_ru": (
                        "Количество реконструированных и капитально отремонтированных водохранилищ "
                        "и гидроузлов (нарастающим итогом)"
                    ),
                    "name_en": "Reservoirs and hydraulic units rebuilt or overhauled (cumulative)",
                    **_PCS,
                    "baseline": "12",
                    "values": _values("20", "29", "38", "46", "55"),
                },
                {
                    "code": "T2.2.3",
                    "name_kk": "Салынған жаңа су қоймаларының саны (өсу қорытындысымен)",
                    "name_ru": "Количество построенных новых водохранилищ (нарастающим итогом)",
                    "name_en": "New reservoirs built (cumulative)",
                    **_PCS,
                    "baseline": "0",
                    "values": _values("2", "5", "9", "14", "20"),
                },
            ],
        },
        {
            "code": "G2.3",
            "name_kk": "Су тасқыны қаупін азайту және елді мекендерді су басудан қорғау",
            "name_ru": "Снижение паводковых рисков и защита населенных пунктов от затопления",
            "name_en": "Reducing flood risks and protecting settlements from inundation",
            "indicators": [
                {
                    "code": "T2.3.1",
                    "name_kk": (
                        "Салынған және реконструкцияланған қорғаныш бөгеттерінің ұзындығы (өсу "
                        "қорытындысымен)"
                    ),
                    "name_ru": (
                        "Протяженность построенных и реконструированных защитных дамб (нарастающим итогом)"
                    ),
                    "name_en": "Length of protective dykes built or rebuilt (cumulative)",
                    **_KM,
                    "baseline": "210.0",
                    "values": _values("290.0", "380.0", "470.0", "560.0", "650.0"),
                },
                {
                    "code": "T2.3.2",
                    "name_kk": "Арналары тазартылған өзен учаскелерінің ұзындығы (өсу қорытындысымен)",
                    "name_ru": "Протяженность участков рек с расчищенными руслами (нарастающим итогом)",
                    "name_en": "Length of river sections with cleared beds (cumulative)",
                    **_KM,
                    "baseline": "150.0",
                    "values": _values("260.0", "380.0", "500.0", "620.0", "750.0"),
                },
            ],
        },
    ],
}

DIRECTION_3: dict[str, Any] = {
    "name_kk": "Тиімді мемлекеттік басқару, цифрландыру және халықаралық ынтымақтастық",
    "name_ru": "Эффективное государственное управление, цифровизация и международное сотрудничество",
    "name_en": "Efficient governance, digitalisation and international cooperation",
    "macroindicators": [
        {
            "code": "M5",
            "name_kk": "Трансшекаралық өзендер бойынша су бөлудің келісілген лимиттерінің сақталу деңгейі",
            "name_ru": "Уровень соблюдения согласованных лимитов вододеления по трансграничным рекам",
            "name_en": "Compliance with agreed water-sharing limits on transboundary rivers",
            **_PCT,
            "baseline": "82.0",
            "values": _values("84.0", "87.0", "90.0", "92.5", "95.0"),
        },
    ],
    "goals": [
        {
            "code": "G3.1",
            "name_kk": "Су шаруашылығын цифрландыру және мемлекеттік қызметтер көрсету сапасын арттыру",
            "name_ru": "Цифровизация водного хозяйства и повышение качества оказания государственных услуг",
            "name_en": "Digitalising water management and improving public services",
            "indicators": [
                {
                    "code": "T3.1.1",
                    "name_kk": (
                        "Су есебі мен су бөлудің автоматтандырылған жүйелерімен жабдықталған "
                        "каналдардың ұзындығы"
                    ),
                    "name_ru": (
                        "Протяженность каналов, оснащенных автоматизированными системами учета "
                        "и распределения воды"
                    ),
                    "name_en": "Length of canals with automated water metering and distribution",
                    **_KM,
                    "baseline": "1200.0",
                    "values": _values("2500.0", "4000.0", "5500.0", "7000.0", "8500.0"),
                },
                {
                    "code": "T3.1.2",
                    "name_kk": "Электрондық форматта көрсетілетін мемлекеттік қызметтердің үлесі",
                    "name_ru": "Доля государственных услуг, оказываемых в электронном формате",
                    "name_en": "Share of public services delivered electronically",
                    **_PCT,
                    "baseline": "70.0",
                    "values": _values("80.0", "90.0", "95.0", "100.0", "100.0"),
                },
            ],
        },
        {
            "code": "G3.2",
            "name_kk": "Халықаралық су ынтымақтастығын нығайту және саланың кадрлық әлеуетін дамыту",
            "name_ru": (
                "Укрепление международного водного сотрудничества и развитие кадрового потенциала отрасли"
            ),
            "name_en": "Stronger international water cooperation and sector workforce development",
            "indicators": [
                {
                    "code": "T3.2.1",
                    "name_kk": (
                        "Трансшекаралық өзендер бойынша қол қойылған халықаралық келісімдер мен "
                        "хаттамалардың саны (өсу қорытындысымен)"
                    ),
                    "name_ru": (
                        "Количество подписанных международных соглашений и протоколов по трансграничным "
                        "рекам (нарастающим итогом)"
                    ),
                    "name_en": (
                        "International agreements and protocols signed on transboundary rivers (cumulative)"
                    ),
                    **_PCS,
                    "baseline": "4",
                    "values": _values("6", "8", "10", "12", "14"),
                },
                {
                    "code": "T3.2.2",
                    "name_kk": "Біліктілігін арттырған су шаруашылығы саласы мамандарының саны",
                    "name_ru": "Количество специалистов водного хозяйства, прошедших повышение квалификации",
                    "name_en": "Water sector specialists who completed professional development",
                    **_PERSONS,
                    "baseline": "600",
                    "values": _values("800", "1000", "1200", "1400", "1600"),
                },
            ],
        },
    ],
}

REGULATION_TASKS: list[dict[str, Any]] = [
    {
        "code": "R1",
        "name_kk": "Жеке және заңды тұлғалардың өтініштерін қарау",
        "name_ru": "Рассмотрение обращений физических и юридических лиц",
        "name_en": "Handling appeals of individuals and legal entities",
    },
    {
        "code": "R2",
        "name_kk": "Кадр саясатын іске асыру және мемлекеттік қызметшілердің кәсіби дамуын қамтамасыз ету",
        "name_ru": (
            "Реализация кадровой политики и обеспечение профессионального развития государственных служащих"
        ),
        "name_en": "Personnel policy and professional development of civil servants",
    },
    {
        "code": "R3",
        "name_kk": "Ішкі аудитті жүзеге асыру",
        "name_ru": "Осуществление внутреннего аудита",
        "name_en": "Internal audit",
    },
    {
        "code": "R4",
        "name_kk": "Сыбайлас жемқорлыққа қарсы іс-қимыл және комплаенс-бақылау",
        "name_ru": "Противодействие коррупции и комплаенс-контроль",
        "name_en": "Anti-corruption and compliance control",
    },
    {
        "code": "R5",
        "name_kk": "Мемлекеттік ақпараттық саясатты іске асыру",
        "name_ru": "Реализация государственной информационной политики",
        "name_en": "State information policy",
    },
    {
        "code": "R6",
        "name_kk": "Құқықтық жұмысты және нормативтік құқықтық актілерді әзірлеуді қамтамасыз ету",
        "name_ru": "Обеспечение правовой работы и разработки нормативных правовых актов",
        "name_en": "Legal work and drafting of regulatory legal acts",
    },
    {
        "code": "R7",
        "name_kk": "Құжаттамалық қамтамасыз етуді және атқарушылық тәртіпті бақылауды ұйымдастыру",
        "name_ru": "Организация документационного обеспечения и контроля исполнительской дисциплины",
        "name_en": "Document management and control of execution discipline",
    },
    {
        "code": "R8",
        "name_kk": "Азаматтық қорғаныс және жұмылдыру дайындығы іс-шараларын ұйымдастыру",
        "name_ru": "Организация мероприятий гражданской обороны и мобилизационной подготовки",
        "name_en": "Civil defence and mobilisation preparedness",
    },
    {
        "code": "R9",
        "name_kk": "Құзырет шегінде халықаралық шарттарды жасасу және олардың орындалуын қамтамасыз ету",
        "name_ru": "Заключение международных договоров и обеспечение их исполнения в пределах компетенции",
        "name_en": "Concluding international treaties and ensuring their implementation within competence",
    },
    {
        "code": "R10",
        "name_kk": "Бюджеттік жоспарлау және бюджет қаражатының тиімді пайдаланылуын қамтамасыз ету",
        "name_ru": "Бюджетное планирование и обеспечение эффективного использования бюджетных средств",
        "name_en": "Budget planning and efficient use of budget funds",
    },
    {
        "code": "R11",
        "name_kk": "Мемлекеттік қызметтер көрсетудің сапасын қамтамасыз ету",
        "name_ru": "Обеспечение качества оказания государственных услуг",
        "name_en": "Quality of public services",
    },
    {
        "code": "R12",
        "name_kk": "Министрліктің қызметін стратегиялық жоспарлау және оның мониторингі",
        "name_ru": "Стратегическое планирование и мониторинг деятельности министерства",
        "name_en": "Strategic planning and monitoring of the ministry's activities",
    },
]

DEVPLAN: dict[str, Any] = {
    "year_from": 2025,
    "year_to": 2029,
    "signed_on": "2025-12-22",
    "edition": 1,
    "title_kk": "Қазақстан Республикасы Су ресурстары және ирригация министрлігінің 2025–2029 жылдарға "
    "арналған даму жоспары",
    "title_ru": "План развития Министерства водных ресурсов и ирригации Республики Казахстан "
    "на 2025–2029 годы",
    "title_en": "Development Plan of the Ministry of Water Resources and Irrigation of the Republic of "
    "Kazakhstan for 2025–2029",
    "directions": [DIRECTION_1, DIRECTION_2, DIRECTION_3],
    "regulation_tasks": REGULATION_TASKS,
}
