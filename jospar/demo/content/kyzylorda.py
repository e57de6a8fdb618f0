"""The demo's regional akimat: the Akimat of Kyzylorda Region (code ``kzo``), on the lower Syr Darya, where
rice is grown and the villages of the Aral Sea region wait for drinking water.

Its plan for 2026 (22 events) was approved on time by the akim; the Department of Construction,
Architecture and Urban Planning never sent its II quarter information.
"""

from typing import Any

from .agriculture import _event, _unit, _values

BODY: dict[str, Any] = {
    "code": "kzo",
    "kind": "regional_akimat",
    "region": "kyzylorda",
    "name_kk": "Қызылорда облысының әкімдігі",
    "name_ru": "Акимат Кызылординской области",
    "name_en": "Akimat of Kyzylorda Region",
    "title_name_kk": "Қызылорда облысы әкімдігінің",
    "title_name_ru": "Акимата Кызылординской области",
}

UNITS: list[dict[str, Any]] = [
    _unit("kzec", "Экономика және бюджеттік жоспарлау басқармасы", "Управление экономики и бюджетного планирования",
          "Department of Economy and Budget Planning", "Әбдіқалықов Нұрбол Жарасұлы", is_planning=True),
    _unit("kzag", "Ауыл шаруашылығы және жер қатынастары басқармасы",
          "Управление сельского хозяйства и земельных отношений", "Department of Agriculture and Land Relations",
          "Байменов Серік Тұрсынұлы"),
    _unit("kznr", "Табиғи ресурстар және табиғат пайдалануды реттеу басқармасы",
          "Управление природных ресурсов и регулирования природопользования",
          "Department of Natural Resources and Environmental Management", "Ілиясова Гүлмира Жұмабайқызы"),
    _unit("kzen", "Энергетика және тұрғын үй-коммуналдық шаруашылық басқармасы",
          "Управление энергетики и жилищно-коммунального хозяйства", "Department of Energy, Housing and Utilities",
          "Тәжібаев Ержан Әлібекұлы"),
    _unit("kzcs", "Құрылыс, сәулет және қала құрылысы басқармасы",
          "Управление строительства, архитектуры и градостроительства",
          "Department of Construction, Architecture and Urban Planning", "Жақыпов Әділет Сейітқалиұлы"),
    _unit("kzed", "Білім басқармасы", "Управление образования", "Department of Education",
          "Сұлтанова Айгүл Қуатқызы"),
    _unit("kzhl", "Денсаулық сақтау басқармасы", "Управление здравоохранения", "Department of Health",
          "Мырзахметов Бауыржан Кенжебайұлы"),
    _unit("kzsu", "«Қызылорда су жүйесі» МКК", "ГКП «Кызылорда су жуйеси»", "Kyzylorda Su Zhuyesi state utility",
          "Нұрымбетов Ғани Өтегенұлы", kind="subordinate"),
]

PEOPLE: list[dict[str, Any]] = [
    {
        "username": "planner3",
        "role": "planner",
        "unit": "kzec",
        "last_name": "Ахметова",
        "first_name": "Дана",
        "patronymic": "Ерболқызы",
        "email": "d.akhmetova@kyzylorda.gov.kz",
        "position_kk": "Экономика және бюджеттік жоспарлау басқармасының бас маманы",
        "position_ru": "Главный специалист управления экономики и бюджетного планирования",
    },
    {
        "username": "executive3",
        "role": "executive",
        "unit": None,
        "last_name": "Ермағанбетов",
        "first_name": "Қанат",
        "patronymic": "Сапарұлы",
        "email": "k.yermaganbetov@kyzylorda.gov.kz",
        "position_kk": "Қызылорда облысының әкімі",
        "position_ru": "Аким Кызылординской области",
        "office": "first_head",  # §6: the akim, the first head, approves the akimat's plan
    },
]

# An akimat's own completion forms: its resolutions, the maslikhat's decisions, information to the akim.
COMPLETION_FORMS: list[dict[str, Any]] = [
    {"code": "akimat_decree", "name_kk": "Облыс әкімдігінің қаулысы", "name_ru": "Постановление акимата области",
     "name_en": "Resolution of the regional akimat"},
    {"code": "maslikhat_decision", "name_kk": "Облыстық мәслихаттың шешімі",
     "name_ru": "Решение областного маслихата", "name_en": "Decision of the regional maslikhat"},
    {"code": "lead_info", "name_kk": "Облыс әкіміне ақпарат", "name_ru": "Информация акиму области",
     "name_en": "Information to the akim of the region"},
    {"code": "report", "name_kk": "Есеп", "name_ru": "Отчет", "name_en": "Report"},
    {"code": "analytical_note", "name_kk": "Талдамалық анықтама", "name_ru": "Аналитическая справка",
     "name_en": "Analytical note"},
    {"code": "minutes", "name_kk": "Хаттама", "name_ru": "Протокол", "name_en": "Minutes"},
    {"code": "act_comm", "name_kk": "Пайдалануға беру актісі", "name_ru": "Акт ввода в эксплуатацию",
     "name_en": "Act of commissioning"},
    {"code": "contracts", "name_kk": "Шарттар", "name_ru": "Договоры", "name_en": "Contracts"},
]

_PCT = {"unit_kk": "%", "unit_ru": "%", "unit_en": "%"}
_KHA = {"unit_kk": "мың га", "unit_ru": "тыс. га", "unit_en": "thousand ha"}
_PCS = {"unit_kk": "бірлік", "unit_ru": "единиц", "unit_en": "units"}

DEVPLAN: dict[str, Any] = {
    "year_from": 2025,
    "year_to": 2029,
    "signed_on": "2025-12-19",
    "title_kk": "Қызылорда облысының 2025–2029 жылдарға арналған даму жоспары",
    "title_ru": "План развития Кызылординской области на 2025–2029 годы",
    "title_en": "Development Plan of Kyzylorda Region for 2025–2029",
    "directions": [
        {
            "name_kk": "Су ресурстарын ұтымды пайдалану және агроөнеркәсіптік кешенді дамыту",
            "name_ru": "Рациональное использование водных ресурсов и развитие агропромышленного комплекса",
            "name_en": "Rational water use and agro-industrial development",
            "macroindicators": [
                {"code": "M1", "name_kk": "Ауыл шаруашылығы жалпы өнімінің нақты көлем индексі",
                 "name_ru": "Индекс физического объема валовой продукции сельского хозяйства",
                 "name_en": "Physical volume index of gross agricultural output",
                 **_PCT, "baseline": "102.5", "values": _values("103.0", "103.5", "104.0", "104.5", "105.0")},
            ],
            "goals": [
                {
                    "code": "G1.1",
                    "name_kk": "Күріш өсіруде су үнемдеу технологияларын енгізу және егіс құрылымын әртараптандыру",
                    "name_ru": "Внедрение водосберегающих технологий в рисоводстве и диверсификация структуры "
                               "посевов",
                    "name_en": "Water-saving technologies in rice growing and diversification of crops",
                    "indicators": [
                        {"code": "T1.1.1", "name_kk": "Су үнемдеу технологиялары енгізілген суармалы жерлердің ауданы",
                         "name_ru": "Площадь орошаемых земель с внедренными водосберегающими технологиями",
                         "name_en": "Irrigated area with water-saving technologies",
                         **_KHA, "baseline": "18", "values": _values("24", "31", "38", "46", "55")},
                        {"code": "T1.1.2", "name_kk": "Күріш егісінің ауданы", "name_ru": "Площадь посевов риса",
                         "name_en": "Area under rice",
                         **_KHA, "baseline": "90", "values": _values("88", "85", "82", "80", "78")},
                    ],
                },
                {
                    "code": "G1.2",
                    "name_kk": "Арал өңірінің елді мекендерін сапалы ауыз сумен қамтамасыз ету",
                    "name_ru": "Обеспечение населенных пунктов Приаралья качественной питьевой водой",
                    "name_en": "Quality drinking water for the settlements of the Aral Sea region",
                    "indicators": [
                        {"code": "T1.2.1",
                         "name_kk": "Ауылдық елді мекендер тұрғындарының орталықтандырылған сумен жабдықтауға "
                                    "қолжетімділігі",
                         "name_ru": "Доступ населения сельских населенных пунктов к централизованному "
                                    "водоснабжению",
                         "name_en": "Rural population's access to centralised water supply",
                         **_PCT, "baseline": "91.0", "values": _values("93.0", "95.0", "97.0", "99.0", "100.0")},
                    ],
                },
            ],
        },
        {
            "name_kk": "Әлеуметтік инфрақұрылымды дамыту және халықтың өмір сүру сапасын арттыру",
            "name_ru": "Развитие социальной инфраструктуры и повышение качества жизни населения",
            "name_en": "Social infrastructure and quality of life",
            "macroindicators": [
                {"code": "M2", "name_kk": "Жалпы өңірлік өнімнің нақты көлем индексі",
                 "name_ru": "Индекс физического объема валового регионального продукта",
                 "name_en": "Physical volume index of gross regional product",
                 **_PCT, "baseline": "103.8", "values": _values("104.0", "104.5", "105.0", "105.0", "105.5")},
            ],
            "goals": [
                {
                    "code": "G2.1",
                    "name_kk": "Білім беру және денсаулық сақтау объектілерінің қолжетімділігін арттыру",
                    "name_ru": "Повышение доступности объектов образования и здравоохранения",
                    "name_en": "Better access to schools and health facilities",
                    "indicators": [
                        {"code": "T2.1.1", "name_kk": "Үш ауысымды және апатты мектептердің саны",
                         "name_ru": "Количество трехсменных и аварийных школ",
                         "name_en": "Three-shift and dilapidated schools",
                         **_PCS, "baseline": "14", "values": _values("10", "6", "3", "0", "0")},
                        {"code": "T2.1.2",
                         "name_kk": "Алғашқы медициналық-санитариялық көмек объектілерімен қамтылған ауылдық елді "
                                    "мекендердің үлесі",
                         "name_ru": "Доля сельских населенных пунктов, обеспеченных объектами первичной "
                                    "медико-санитарной помощи",
                         "name_en": "Share of villages with primary health care facilities",
                         **_PCT, "baseline": "88", "values": _values("91", "94", "97", "100", "100")},
                    ],
                },
            ],
        },
    ],
    "regulation_tasks": [
        {"code": "R1", "name_kk": "Облыс әкімдігі қаулыларының және облыс әкімі шешімдерінің жобаларын әзірлеу",
         "name_ru": "Разработка проектов постановлений акимата и решений акима области",
         "name_en": "Drafting resolutions of the akimat and decisions of the akim"},
        {"code": "R2", "name_kk": "Облыстың даму жоспарының іске асырылуын стратегиялық жоспарлау және мониторингтеу",
         "name_ru": "Стратегическое планирование и мониторинг реализации плана развития области",
         "name_en": "Strategic planning and monitoring of the regional development plan"},
        {"code": "R3", "name_kk": "Жергілікті бюджетті жоспарлау және атқару",
         "name_ru": "Планирование и исполнение местного бюджета",
         "name_en": "Planning and execution of the local budget"},
        {"code": "R4", "name_kk": "Халықпен кері байланыс және азаматтардың өтініштерін қарау",
         "name_ru": "Обратная связь с населением и рассмотрение обращений граждан",
         "name_en": "Feedback from residents and handling citizens' appeals"},
    ],
}

_Q = {n: {"kind": "quarter", "quarter": n} for n in (1, 2, 3, 4)}
_QUARTERLY = {"kind": "quarterly"}
_HALF_YEARLY = {"kind": "half_yearly"}

EVENTS: list[dict[str, Any]] = [
    _event("M1", "Агроөнеркәсіптік кешенді дамыту жөніндегі өңірлік жол картасын бекіту",
           "Утверждение региональной дорожной карты по развитию агропромышленного комплекса",
           "Regional roadmap for the agro-industrial complex",
           "001", ["kzag", "kzec"], _Q[1], "akimat_decree"),
    _event("M1", "Ауыл шаруашылығы жалпы өнімінің нақты көлем индексінің орындалуын тоқсан сайын талдау",
           "Ежеквартальный анализ выполнения индекса физического объема валовой продукции сельского хозяйства",
           "Quarterly analysis of the agricultural output index",
           "", ["kzag", "kzec"], _QUARTERLY, "lead_info"),
    _event("T1.1.1", "Күріш өндірушілерге жерді лазермен тегістеуге және су үнемдеу технологияларын енгізуге "
                     "субсидиялар төлеу",
           "Выплата субсидий рисопроизводителям на лазерную планировку земель и внедрение водосберегающих "
           "технологий",
           "Subsidies to rice growers for laser levelling and water-saving technologies",
           "255", ["kzag"], _HALF_YEARLY, "report"),
    _event("T1.1.1", "Шаруа қожалықтары үшін аудандарда су үнемдеу технологиялары бойынша көшпелі семинарлар өткізу",
           "Проведение выездных семинаров в районах по водосберегающим технологиям для крестьянских хозяйств",
           "Field seminars in the districts on water-saving technologies for farms",
           "", ["kzag", "kznr"], _Q[2], "minutes"),
    _event("T1.1.2", "Күріш егісін қысқарту есебінен егіс алқаптарының құрылымын әртараптандыру жоспарын бекіту",
           "Утверждение плана диверсификации структуры посевных площадей за счет сокращения посевов риса",
           "Plan to diversify crops by reducing rice sowing",
           "", ["kzag", "kzec"], _Q[1], "akimat_decree"),
    _event("T1.1.2", "Сырдария өзенінің төменгі ағысындағы суармалы жерлердің мелиоративтік жай-күйіне мониторинг "
                     "жүргізу",
           "Мониторинг мелиоративного состояния орошаемых земель в низовьях реки Сырдарьи",
           "Monitoring the reclamation state of irrigated land in the lower Syr Darya",
           "", ["kznr", "kzag"], _Q[3], "analytical_note"),
    _event("T1.2.1", "Арал ауданының ауылдық елді мекендерінде сумен жабдықтау желілерін салу",
           "Строительство сетей водоснабжения в сельских населенных пунктах Аральского района",
           "Water supply networks in the villages of Aral district",
           "279 015", ["kzcs", "kzen"], _Q[4], "act_comm"),
    _event("T1.2.1", "Қазалы және Шиелі аудандарындағы су құбыры желілерін реконструкциялау",
           "Реконструкция водопроводных сетей в Казалинском и Шиелийском районах",
           "Rebuilding water mains in Kazaly and Shieli districts",
           "279 015", ["kzcs", "kzsu"], _Q[3], "act_comm"),
    _event("T1.2.1", "Ауыз судың сапасына зертханалық бақылау жүргізу",
           "Лабораторный контроль качества питьевой воды",
           "Laboratory control of drinking water quality",
           "", ["kzsu", "kzen"], _QUARTERLY, "report"),
    _event("T1.2.1", "Сумен жабдықтау объектілеріндегі құрылыс жұмыстарының барысын тоқсан сайын мониторингтеу",
           "Ежеквартальный мониторинг хода строительных работ на объектах водоснабжения",
           "Quarterly monitoring of construction on water supply facilities",
           "", ["kzcs", "kzen"], _QUARTERLY, "lead_info"),
    _event("T1.2.1", "Елді мекендердің сумен жабдықтау жүйелерін күзгі-қысқы кезеңге дайындау",
           "Подготовка систем водоснабжения населенных пунктов к осенне-зимнему периоду",
           "Preparing the villages' water supply systems for autumn and winter",
           "", ["kzen", "kzsu"], {"kind": "date", "date": "2026-10-15"}, None,
           form_kk="Дайындық паспорттары", form_ru="Паспорта готовности"),
    _event("M2", "Өңірге инвестициялар тарту жөніндегі инвестициялық жобалар пулын қалыптастыру",
           "Формирование пула инвестиционных проектов по привлечению инвестиций в регион",
           "Pool of investment projects for the region",
           "", ["kzec"], _Q[2], "analytical_note"),
    _event("T2.1.1", "Жаңа мектептер салу және апатты мектептерді ауыстыру кестесін бекіту",
           "Утверждение графика строительства новых школ и замены аварийных школ",
           "Schedule for new schools and replacing dilapidated ones",
           "", ["kzed", "kzcs"], _Q[1], "akimat_decree"),
    _event("T2.1.1", "Қызылорда қаласында 1200 орындық мектеп салу",
           "Строительство школы на 1200 мест в городе Кызылорде",
           "A 1,200-place school in the city of Kyzylorda",
           "279 011", ["kzcs", "kzed"], {"kind": "date", "date": "2026-08-25"}, "act_comm"),
    _event("T2.1.1", "Жазғы демалыс кезеңінде мектептерге ағымдағы жөндеу жүргізу",
           "Текущий ремонт школ в период летних каникул",
           "Routine repair of schools during the summer holidays",
           "261", ["kzed", "kzcs"], {"kind": "month", "month": 8}, "contracts"),
    _event("T2.1.2", "Шалғай ауылдық елді мекендерде фельдшерлік-акушерлік пункттер салу",
           "Строительство фельдшерско-акушерских пунктов в отдаленных сельских населенных пунктах",
           "Rural health posts in remote villages",
           "253 011", ["kzhl", "kzcs"], _Q[4], "act_comm"),
    _event("T2.1.2", "Ауылдық жерге жұмысқа келген медицина қызметкерлеріне әлеуметтік қолдау шараларын ұсыну",
           "Предоставление мер социальной поддержки медицинским работникам, прибывшим на работу в сельскую "
           "местность",
           "Social support for medical workers moving to rural areas",
           "253", ["kzhl"], _HALF_YEARLY, "report"),
    _event("T2.1.2", "Жылжымалы медициналық кешендердің шалғай елді мекендерге шығуын ұйымдастыру",
           "Организация выездов передвижных медицинских комплексов в отдаленные населенные пункты",
           "Mobile medical units for remote villages",
           "", ["kzhl"], _QUARTERLY, "lead_info"),
    _event("R1", "Облыс әкімдігінің бұрын қабылданған қаулыларына түгендеу жүргізу",
           "Проведение инвентаризации ранее принятых постановлений акимата области",
           "Review of the akimat's earlier resolutions",
           "", ["kzec"], _Q[3], "analytical_note"),
    _event("R2", "Облыстың даму жоспарының іске асырылуы туралы жылдық есепті облыстық мәслихаттың қарауына енгізу",
           "Внесение годового отчета о реализации плана развития области на рассмотрение областного маслихата",
           "Annual report on the regional development plan to the regional maslikhat",
           "", ["kzec"], _Q[2], "maslikhat_decision"),
    _event("R3", "Облыстық бюджетті нақтылау туралы облыстық мәслихат шешімінің жобасын әзірлеу",
           "Разработка проекта решения областного маслихата об уточнении областного бюджета",
           "Draft decision of the maslikhat on revising the regional budget",
           "", ["kzec"], _Q[3], "maslikhat_decision"),
    _event("R4", "Облыс әкімінің халықпен есепті кездесулерін өткізу",
           "Проведение отчетных встреч акима области с населением",
           "The akim's public accountability meetings",
           "", ["kzec"], _Q[1], None,
           form_kk="Кездесу хаттамасы және баспасөз релизі", form_ru="Протокол встречи и пресс-релиз"),
]
