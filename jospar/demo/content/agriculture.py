"""The second demo ministry: the Ministry of Agriculture of the Republic of Kazakhstan (code ``moa``).

Its plan for 2026 is small (21 events) and was approved late: the development plan was signed on
24 December 2025, so §6 wanted the plan by 3 January; the chief of staff approved it on 15 January.
Its I quarter report came four days after the 15th.
"""

from typing import Any

BODY: dict[str, Any] = {
    "code": "moa",
    "kind": "central",
    "region": "",
    "name_kk": "Қазақстан Республикасы Ауыл шаруашылығы министрлігі",
    "name_ru": "Министерство сельского хозяйства Республики Казахстан",
    "name_en": "Ministry of Agriculture of the Republic of Kazakhstan",
    "title_name_kk": "Қазақстан Республикасы Ауыл шаруашылығы министрлігінің",
    "title_name_ru": "Министерства сельского хозяйства Республики Казахстан",
}


def _unit(code, name_kk, name_ru, name_en, head, kind="unit", is_planning=False):
    last, first, patronymic = head.split()
    return {"code": code, "kind": kind, "name_kk": name_kk, "name_ru": name_ru, "name_en": name_en,
            "is_planning": is_planning,
            "head": {"last_name": last, "first_name": first, "patronymic": patronymic}}


UNITS: list[dict[str, Any]] = [
    _unit("plan", "Стратегиялық жоспарлау және талдау департаменті",
          "Департамент стратегического планирования и анализа", "Department of Strategic Planning and Analysis",
          "Мұқанова Сәуле Бақытжанқызы", is_planning=True),
    _unit("crop", "Егіншілік департаменті", "Департамент земледелия", "Crop Farming Department",
          "Сәрсенов Жандос Қайратұлы"),
    _unit("lvst", "Мал шаруашылығы департаменті", "Департамент животноводства", "Livestock Department",
          "Есенғалиев Бақыт Серікұлы"),
    _unit("econ", "Экономика және қаржы департаменті", "Департамент экономики и финансов",
          "Department of Economics and Finance", "Омарова Ләйлә Ғабитқызы"),
    _unit("adig", "Цифрландыру және мемлекеттік қызметтер департаменті",
          "Департамент цифровизации и государственных услуг", "Department of Digitalisation and Public Services",
          "Тасболатов Нұрсұлтан Ерланұлы"),
    _unit("alaw", "Заң департаменті", "Юридический департамент", "Legal Department", "Бекова Айнұр Маратқызы"),
    _unit("vet", "Ветеринариялық бақылау және қадағалау комитеті", "Комитет ветеринарного контроля и надзора",
          "Committee for Veterinary Control and Supervision", "Жұмабаев Талғат Әбдіғалиұлы"),
    _unit("land", "Жер ресурстарын басқару комитеті", "Комитет по управлению земельными ресурсами",
          "Land Resources Management Committee", "Қалиев Арман Болатұлы"),
    _unit("akk", "«Аграрлық несие корпорациясы» АҚ", "АО «Аграрная кредитная корпорация»",
          "Agrarian Credit Corporation JSC", "Дәулетов Ерболат Сағынтайұлы", kind="subordinate"),
]

PEOPLE: list[dict[str, Any]] = [
    {
        "username": "planner2",
        "role": "planner",
        "unit": "plan",
        "last_name": "Жанұзақова",
        "first_name": "Меруерт",
        "patronymic": "Асқарқызы",
        "email": "m.zhanuzakova@moa.gov.kz",
        "position_kk": "Стратегиялық жоспарлау және талдау департаментінің бас сарапшысы",
        "position_ru": "Главный эксперт Департамента стратегического планирования и анализа",
    },
    {
        "username": "executive2",
        "role": "executive",
        "unit": None,
        "last_name": "Қожахметов",
        "first_name": "Ерлан",
        "patronymic": "Бағдатұлы",
        "email": "e.kozhakhmetov@moa.gov.kz",
        "position_kk": "Аппарат басшысы",
        "position_ru": "Руководитель аппарата",
        "office": "chief_of_staff",
    },
]

_PCT = {"unit_kk": "%", "unit_ru": "%", "unit_en": "%"}
_KHA = {"unit_kk": "мың га", "unit_ru": "тыс. га", "unit_en": "thousand ha"}
_PCS = {"unit_kk": "бірлік", "unit_ru": "единиц", "unit_en": "units"}


def _values(*values):
    return dict(zip(("2025", "2026", "2027", "2028", "2029"), values, strict=True))


DEVPLAN: dict[str, Any] = {
    "year_from": 2025,
    "year_to": 2029,
    "signed_on": "2025-12-24",
    "title_kk": "Қазақстан Республикасы Ауыл шаруашылығы министрлігінің 2025–2029 жылдарға арналған даму жоспары",
    "title_ru": "План развития Министерства сельского хозяйства Республики Казахстан на 2025–2029 годы",
    "title_en": "Development Plan of the Ministry of Agriculture of the Republic of Kazakhstan for 2025–2029",
    "directions": [
        {
            "name_kk": "Агроөнеркәсіптік кешеннің өнімділігін арттыру",
            "name_ru": "Повышение производительности агропромышленного комплекса",
            "name_en": "Raising the productivity of the agro-industrial complex",
            "macroindicators": [
                {"code": "M1", "name_kk": "Ауыл шаруашылығындағы еңбек өнімділігі",
                 "name_ru": "Производительность труда в сельском хозяйстве",
                 "name_en": "Labour productivity in agriculture",
                 "unit_kk": "мың теңге/адам", "unit_ru": "тыс. тенге/чел.", "unit_en": "thousand tenge per person",
                 "baseline": "4200", "values": _values("4700", "5200", "5800", "6400", "7000")},
            ],
            "goals": [
                {
                    "code": "G1.1",
                    "name_kk": "Өсімдік шаруашылығы өнімдерін өндіруді ұлғайту және әртараптандыру",
                    "name_ru": "Увеличение и диверсификация производства продукции растениеводства",
                    "name_en": "Growing and diversifying crop production",
                    "indicators": [
                        {"code": "T1.1.1", "name_kk": "Дәнді дақылдардың орташа түсімділігі",
                         "name_ru": "Средняя урожайность зерновых культур", "name_en": "Average grain yield",
                         "unit_kk": "ц/га", "unit_ru": "ц/га", "unit_en": "centners per ha",
                         "baseline": "12.5", "values": _values("13.0", "13.5", "14.0", "14.5", "15.0")},
                        {"code": "T1.1.2",
                         "name_kk": "Су үнемдеу технологияларын енгізу субсидияланған суармалы алқаптың ауданы",
                         "name_ru": "Площадь орошаемых земель, на которой субсидировано внедрение "
                                    "водосберегающих технологий",
                         "name_en": "Irrigated area with subsidised water-saving technologies",
                         **_KHA, "baseline": "250", "values": _values("320", "420", "530", "650", "780")},
                    ],
                },
                {
                    "code": "G1.2",
                    "name_kk": "Мал шаруашылығын дамыту және ветеринариялық қауіпсіздікті қамтамасыз ету",
                    "name_ru": "Развитие животноводства и обеспечение ветеринарной безопасности",
                    "name_en": "Developing livestock farming and ensuring veterinary safety",
                    "indicators": [
                        {"code": "T1.2.1", "name_kk": "Ірі қара мал етін өндіру",
                         "name_ru": "Производство мяса крупного рогатого скота", "name_en": "Cattle meat production",
                         "unit_kk": "мың тонна", "unit_ru": "тыс. тонн", "unit_en": "thousand tonnes",
                         "baseline": "560", "values": _values("590", "620", "655", "690", "730")},
                        {"code": "T1.2.2",
                         "name_kk": "Жануарлардың аса қауіпті аурулары бойынша саламатты деп танылған аймақтардың "
                                    "үлесі",
                         "name_ru": "Доля зон, признанных благополучными по особо опасным болезням животных",
                         "name_en": "Share of zones recognised free of especially dangerous animal diseases",
                         **_PCT, "baseline": "78", "values": _values("80", "83", "86", "90", "93")},
                    ],
                },
            ],
        },
        {
            "name_kk": "Ауыл шаруашылығы тауарын өндірушілерді қаржылық қолдау",
            "name_ru": "Финансовая поддержка сельхозтоваропроизводителей",
            "name_en": "Financial support for farmers",
            "macroindicators": [
                {"code": "M2", "name_kk": "Ауыл шаруашылығына салынған негізгі капиталға инвестициялар",
                 "name_ru": "Инвестиции в основной капитал сельского хозяйства",
                 "name_en": "Fixed capital investment in agriculture",
                 "unit_kk": "млрд теңге", "unit_ru": "млрд тенге", "unit_en": "billion tenge",
                 "baseline": "780", "values": _values("850", "930", "1010", "1100", "1200")},
            ],
            "goals": [
                {
                    "code": "G2.1",
                    "name_kk": "Агроөнеркәсіптік кешен субъектілері үшін қаржыландырудың қолжетімділігін арттыру",
                    "name_ru": "Повышение доступности финансирования для субъектов агропромышленного комплекса",
                    "name_en": "Better access to finance for agribusinesses",
                    "indicators": [
                        {"code": "T2.1.1",
                         "name_kk": "Жеңілдетілген кредиттер алған ауыл шаруашылығы тауарын өндірушілердің саны",
                         "name_ru": "Количество сельхозтоваропроизводителей, получивших льготные кредиты",
                         "name_en": "Farmers who received concessional loans",
                         **_PCS, "baseline": "12000", "values": _values("14000", "16000", "18000", "20000",
                                                                         "22000")},
                        {"code": "T2.1.2",
                         "name_kk": "Субсидиялау жөніндегі электрондық түрде көрсетілген мемлекеттік қызметтердің "
                                    "үлесі",
                         "name_ru": "Доля государственных услуг по субсидированию, оказанных в электронном виде",
                         "name_en": "Share of subsidy services delivered electronically",
                         **_PCT, "baseline": "85", "values": _values("90", "95", "100", "100", "100")},
                    ],
                },
            ],
        },
    ],
    "regulation_tasks": [
        {"code": "R1", "name_kk": "Агроөнеркәсіптік кешен саласындағы нормативтік құқықтық актілерді әзірлеу",
         "name_ru": "Разработка нормативных правовых актов в сфере агропромышленного комплекса",
         "name_en": "Drafting regulatory legal acts on the agro-industrial complex"},
        {"code": "R2", "name_kk": "Министрліктің қызметін стратегиялық жоспарлау және оның мониторингі",
         "name_ru": "Стратегическое планирование и мониторинг деятельности министерства",
         "name_en": "Strategic planning and monitoring of the ministry's activities"},
        {"code": "R3", "name_kk": "Сыбайлас жемқорлыққа қарсы іс-қимыл және комплаенс-бақылау",
         "name_ru": "Противодействие коррупции и комплаенс-контроль",
         "name_en": "Anti-corruption and compliance control"},
        {"code": "R4", "name_kk": "Бюджеттік жоспарлау және бюджет қаражатының тиімді пайдаланылуын қамтамасыз ету",
         "name_ru": "Бюджетное планирование и обеспечение эффективного использования бюджетных средств",
         "name_en": "Budget planning and efficient use of budget funds"},
    ],
}


def _event(anchor, name_kk, name_ru, name_en, budget, executors, deadline, form, form_kk="", form_ru=""):
    return {"anchor": anchor, "name_kk": name_kk, "name_ru": name_ru, "name_en": name_en, "budget": budget,
            "executors": executors, "deadline": deadline, "form": form, "form_kk": form_kk, "form_ru": form_ru}


_Q = {n: {"kind": "quarter", "quarter": n} for n in (1, 2, 3, 4)}
_QUARTERLY = {"kind": "quarterly"}
_HALF_YEARLY = {"kind": "half_yearly"}

EVENTS: list[dict[str, Any]] = [
    _event("M1", "Агроөнеркәсіптік кешендегі еңбек өнімділігін арттыру жөніндегі іс-шаралар жоспарын әзірлеу және "
                 "бекіту",
           "Разработка и утверждение плана мероприятий по повышению производительности труда в "
           "агропромышленном комплексе",
           "Action plan to raise labour productivity in the agro-industrial complex",
           "001", ["econ", "crop", "lvst"], _Q[1], "order"),
    _event("M1", "Ауыл шаруашылығындағы еңбек өнімділігі көрсеткішінің өңірлер бөлінісінде орындалуын талдау",
           "Анализ выполнения показателя производительности труда в сельском хозяйстве в разрезе регионов",
           "Analysis of agricultural labour productivity by region",
           "", ["econ", "plan"], _QUARTERLY, "lead_info"),
    _event("M1", "Пайдаланылмай жатқан ауыл шаруашылығы мақсатындағы жерлерді мемлекет меншігіне қайтару жөніндегі "
                 "жұмысты үйлестіру",
           "Координация работы по возврату в государственную собственность неиспользуемых земель "
           "сельскохозяйственного назначения",
           "Coordinating the return of unused agricultural land to state ownership",
           "", ["land", "alaw"], _QUARTERLY, "gov_info"),
    _event("T1.1.1", "Дәнді дақылдардың жоғары өнімді сорттарының тұқымдарын субсидиялау қағидаларына өзгерістер "
                     "енгізу",
           "Внесение изменений в правила субсидирования семян высокоурожайных сортов зерновых культур",
           "Amending the rules for subsidising seeds of high-yield grain varieties",
           "001", ["crop", "alaw"], _Q[1], "order"),
    _event("T1.1.1", "Көктемгі егіс және егін жинау жұмыстарының барысын жедел мониторингтеу",
           "Оперативный мониторинг хода весенне-полевых и уборочных работ",
           "Operational monitoring of spring sowing and harvesting",
           "", ["crop"], {"kind": "month", "month": 10}, "gov_info"),
    _event("T1.1.2", "Су ресурстары және ирригация министрлігімен бірлесіп суармалы егіншілікте су үнемдеу "
                     "технологияларын субсидиялау тәртібін жетілдіру",
           "Совершенствование совместно с Министерством водных ресурсов и ирригации порядка субсидирования "
           "водосберегающих технологий в орошаемом земледелии",
           "Improving, with the Ministry of Water Resources and Irrigation, the subsidies for water-saving "
           "technologies in irrigated farming",
           "001", ["crop", "econ", "alaw"], _Q[2], "joint_order"),
    _event("T1.1.2", "Тамшылатып және жаңбырлатып суару жүйелерін сатып алуға субсидиялар төлеу",
           "Выплата субсидий на приобретение систем капельного и дождевального орошения",
           "Paying subsidies for drip and sprinkler irrigation systems",
           "255 100", ["econ", "crop"], _HALF_YEARLY, "report"),
    _event("T1.2.1", "Асыл тұқымды мал шаруашылығын дамытуды субсидиялау",
           "Субсидирование развития племенного животноводства",
           "Subsidies for pedigree livestock breeding",
           "255 101", ["lvst", "econ"], _QUARTERLY, "report"),
    _event("T1.2.1", "Бордақылау алаңдарын салуға және кеңейтуге инвестициялық субсидиялар беру",
           "Предоставление инвестиционных субсидий на строительство и расширение откормочных площадок",
           "Investment subsidies to build and expand feedlots",
           "255 102", ["lvst", "akk"], _Q[3], "contracts"),
    _event("T1.2.2", "Жануарлардың аса қауіпті ауруларына қарсы жоспарлы вакцинациялауды ұйымдастыру",
           "Организация плановой вакцинации против особо опасных болезней животных",
           "Planned vaccination against especially dangerous animal diseases",
           "253", ["vet"], _HALF_YEARLY, "report"),
    _event("T1.2.2", "Ветеринариялық бақылау бекеттерінің қызметін цифрландыру",
           "Цифровизация деятельности ветеринарных контрольных постов",
           "Digitalising veterinary checkpoints",
           "001", ["vet", "adig"], _Q[4], "act_comm"),
    _event("M2", "Агроөнеркәсіптік кешенге инвестициялар тарту үшін инвестициялық жобалар пулын қалыптастыру",
           "Формирование пула инвестиционных проектов для привлечения инвестиций в агропромышленный комплекс",
           "A pool of investment projects for the agro-industrial complex",
           "", ["econ", "akk"], _Q[2], "analytical_note"),
    _event("T2.1.1", "Көктемгі егіс және егін жинау жұмыстарын жеңілдетілген кредиттеуді ұйымдастыру",
           "Организация льготного кредитования весенне-полевых и уборочных работ",
           "Concessional lending for sowing and harvesting",
           "256", ["akk", "econ"], _Q[2], "contracts"),
    _event("T2.1.1", "Ауыл шаруашылығы кооперативтерін қаржыландыру бағдарламасының іске асырылуын талдау",
           "Анализ реализации программы финансирования сельскохозяйственных кооперативов",
           "Review of the financing programme for agricultural cooperatives",
           "", ["akk", "econ"], _Q[3], "analytical_note"),
    _event("T2.1.2", "Субсидиялаудың мемлекеттік ақпараттық жүйесін «электрондық үкімет» шлюзімен интеграциялау",
           "Интеграция государственной информационной системы субсидирования со шлюзом «электронного "
           "правительства»",
           "Integrating the state subsidy information system with the e-government gateway",
           "001", ["adig", "econ"], _Q[3], "act_comm"),
    _event("T2.1.2", "Субсидиялау жөніндегі мемлекеттік қызметтер стандарттарын оңтайландыру",
           "Оптимизация стандартов государственных услуг по субсидированию",
           "Streamlining the standards of subsidy services",
           "", ["adig", "alaw"], _Q[4], "order"),
    _event("R1", "«Агроөнеркәсіптік кешенді және ауылдық аумақтарды дамытуды мемлекеттік реттеу туралы» Заңға "
                 "өзгерістер енгізу туралы заң жобасын әзірлеу",
           "Разработка проекта закона о внесении изменений в Закон «О государственном регулировании развития "
           "агропромышленного комплекса и сельских территорий»",
           "Draft law amending the Law on State Regulation of the Development of the Agro-Industrial Complex "
           "and Rural Areas",
           "001", ["alaw", "crop", "lvst"], _Q[4], "draft_law"),
    _event("R2", "Операциялық жоспардың іске асырылуын тоқсан сайын мониторингтеу және 2-нысан бойынша есеп "
                 "дайындау",
           "Ежеквартальный мониторинг реализации операционного плана и подготовка отчета по Форме 2",
           "Quarterly monitoring of the operational plan and the Form 2 report",
           "", ["plan"], _QUARTERLY, "report"),
    _event("R2", "Министрліктің келесі жылға арналған операциялық жоспарының жобасын әзірлеу",
           "Разработка проекта операционного плана министерства на следующий год",
           "Drafting the ministry's operational plan for the next year",
           "", ["plan"], _Q[4], "order"),
    _event("R3", "Сыбайлас жемқорлық тәуекелдеріне ішкі талдау жүргізу",
           "Проведение внутреннего анализа коррупционных рисков",
           "Internal analysis of corruption risks",
           "", ["alaw"], _Q[3], "analytical_note"),
    _event("R4", "Келесі жоспарлы кезеңге арналған бюджеттік өтінімді қалыптастыру",
           "Формирование бюджетной заявки на очередной плановый период",
           "Budget request for the next planning period",
           "001", ["econ"], {"kind": "date", "date": "2026-05-15"}, None,
           form_kk="Бюджеттік өтінім", form_ru="Бюджетная заявка"),
]
