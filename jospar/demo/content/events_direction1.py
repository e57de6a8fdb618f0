"""Operational plan 2026, Section I, strategic direction 1: water security and water saving."""

from typing import Any

EVENTS_DIRECTION_1: list[dict[str, Any]] = [
    # M1 — volume of water saved
    {
        "anchor": "M1",
        "name_kk": (
            "Су үнемдеу технологияларын енгізу жөніндегі 2026–2028 жылдарға арналған кешенді жоспарды "
            "әзірлеу және бекіту"
        ),
        "name_ru": (
            "Разработка и утверждение комплексного плана по внедрению водосберегающих технологий на "
            "2026–2028 годы"
        ),
        "name_en": "Comprehensive plan for introducing water-saving technologies for 2026–2028",
        "budget": "001", "executors": ["wrm", "irr", "wri"],
        "deadline": {"kind": "date", "date": "2026-03-20"}, "form": "order",
    },
    {
        "anchor": "M1",
        "name_kk": (
            "Өңірлер бөлінісінде экономика салалары бойынша үнемделген су көлемін есепке алу және талдау"
        ),
        "name_ru": "Учет и анализ объема сэкономленной воды по отраслям экономики в разрезе регионов",
        "name_en": "Accounting and analysis of water saved by economic sector and region",
        "budget": "", "executors": ["wrm", "wrc"],
        "deadline": {"kind": "quarterly", "day": 5}, "form": "lead_info",
    },
    {
        "anchor": "M1",
        "name_kk": (
            "Ауыл шаруашылығы тауарын өндірушілер үшін су үнемдеу технологиялары бойынша өңірлік "
            "көрме-семинарлар өткізу"
        ),
        "name_ru": (
            "Проведение региональных выставок-семинаров по водосберегающим технологиям для "
            "сельхозтоваропроизводителей"
        ),
        "name_en": "Regional exhibitions and seminars on water-saving technologies for farmers",
        "budget": "001", "executors": ["irr", "wri"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "press",
    },
    {
        "anchor": "M1",
        "name_kk": "Су үнемдеу жөніндегі «Суды үнемде!» жалпыұлттық ақпараттық науқанын өткізу",
        "name_ru": "Проведение общенациональной информационной кампании по водосбережению «Береги воду!»",
        "name_en": "National public awareness campaign on water saving",
        "budget": "001", "executors": ["press", "wrm"],
        "deadline": {"kind": "within_year"}, "form": None,
        "form_kk": "Медиа-жоспар және жарияланымдар", "form_ru": "Медиа-план и публикации",
    },
    # M2 — irrigated land in use
    {
        "anchor": "M2",
        "name_kk": (
            "Пайдаланылмай жатқан суармалы жерлерді айналымға қайтару жөніндегі өңірлік жол карталарын "
            "жергілікті атқарушы органдармен бірлесіп әзірлеу"
        ),
        "name_ru": (
            "Разработка совместно с местными исполнительными органами региональных дорожных карт по возврату "
            "в оборот неиспользуемых орошаемых земель"
        ),
        "name_en": "Regional roadmaps with local authorities for returning unused irrigated land to use",
        "budget": "001", "executors": ["irr", "wrm"],
        "deadline": {"kind": "quarter", "quarter": 1}, "form": "joint_order",
    },
    {
        "anchor": "M2",
        "name_kk": "Суармалы жерлердің нақты пайдаланылуына ғарыштық мониторинг жүргізу",
        "name_ru": "Проведение космического мониторинга фактического использования орошаемых земель",
        "name_en": "Satellite monitoring of the actual use of irrigated land",
        "budget": "007 101", "executors": ["iac", "irr"],
        "deadline": {"kind": "date", "date": "2026-09-30"}, "form": "report",
    },
    {
        "anchor": "M2",
        "name_kk": "Жаңа суармалы алқаптарды игеру үшін олардың сумен қамтамасыз етілуін бағалау",
        "name_ru": "Оценка водообеспеченности новых орошаемых массивов для их освоения",
        "name_en": "Assessing water availability for developing new irrigated areas",
        "budget": "010", "executors": ["wri", "iwu"],
        "deadline": {"kind": "month", "month": 10}, "form": None,
        "form_kk": "Ғылыми-техникалық есеп", "form_ru": "Научно-технический отчет",
    },
    {
        "anchor": "M2",
        "name_kk": "Суармалы жерлердің ауданы және пайдаланылуы туралы Үкіметке ақпарат ұсыну",
        "name_ru": "Представление в Правительство информации о площади и использовании орошаемых земель",
        "name_en": "Information to the Government on the area and use of irrigated land",
        "budget": "", "executors": ["irr"],
        "deadline": {"kind": "half_yearly"}, "form": "gov_info",
    },
    # T1.1.1 — irrigated area under water-saving technologies
    {
        "anchor": "T1.1.1",
        "name_kk": (
            "Су үнемдеу технологияларын (тамшылатып, жаңбырлатып суару) енгізуге арналған инвестициялық "
            "салымдарды субсидиялау қағидаларына өзгерістер енгізу"
        ),
        "name_ru": (
            "Внесение изменений в правила субсидирования инвестиционных вложений на внедрение "
            "водосберегающих технологий (капельное, дождевальное орошение)"
        ),
        "name_en": "Amending the rules for subsidising investment in drip and sprinkler irrigation",
        "budget": "001", "executors": ["irr", "leg"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "joint_order",
    },
    {
        "anchor": "T1.1.1",
        "name_kk": (
            "Ауыл шаруашылығы тауарын өндірушілердің тамшылатып және жаңбырлатып суару жүйелерін енгізуіне "
            "мониторинг жүргізу"
        ),
        "name_ru": (
            "Мониторинг внедрения сельхозтоваропроизводителями систем капельного и дождевального орошения"
        ),
        "name_en": "Monitoring farmers' roll-out of drip and sprinkler irrigation",
        "budget": "", "executors": ["irr", "wrc"],
        "deadline": {"kind": "quarterly", "day": 5}, "form": "lead_info",
    },
    {
        "anchor": "T1.1.1",
        "name_kk": (
            "Су үнемдеу технологияларын қолданудың тиімділігін бағалау бойынша қолданбалы ғылыми зерттеу "
            "жүргізу"
        ),
        "name_ru": (
            "Проведение прикладного научного исследования по оценке эффективности применения водосберегающих "
            "технологий"
        ),
        "name_en": "Applied research on the efficiency of water-saving technologies",
        "budget": "010", "executors": ["wri", "irr"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": "report",
    },
    {
        "anchor": "T1.1.1",
        "name_kk": (
            "Түркістан және Жамбыл облыстарында жаңбырлатып суаруды енгізу бойынша демонстрациялық алаңдар "
            "құру"
        ),
        "name_ru": (
            "Создание демонстрационных площадок по внедрению дождевального орошения в Туркестанской и "
            "Жамбылской областях"
        ),
        "name_en": "Sprinkler irrigation demonstration sites in Turkistan and Zhambyl regions",
        "budget": "010", "executors": ["wri", "kvh"],
        "deadline": {"kind": "date", "date": "2026-06-15"}, "form": "act_comm",
    },
    # T1.1.2 — water intakes equipped with meters
    {
        "anchor": "T1.1.2",
        "name_kk": (
            "Су алу құрылыстарын деректерді қашықтан беру функциясы бар су есепке алу құралдарымен "
            "жарақтандыру"
        ),
        "name_ru": (
            "Оснащение водозаборных сооружений средствами учета воды с функцией дистанционной передачи "
            "данных"
        ),
        "name_en": "Equipping water intakes with remote-reading water meters",
        "budget": "005 102", "executors": ["kvh", "dig"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": None,
        "form_kk": "Су есепке алу құралдарын орнату актілері", "form_ru": "Акты установки средств учета воды",
    },
    {
        "anchor": "T1.1.2",
        "name_kk": (
            "Жерүсті су көздерінен су алатын су пайдаланушылардың су есепке алу құралдарымен "
            "жарақтандырылуын түгендеу"
        ),
        "name_ru": (
            "Инвентаризация оснащенности приборами учета водопользователей, осуществляющих забор воды из "
            "поверхностных источников"
        ),
        "name_en": "Inventory of metering among users drawing surface water",
        "budget": "", "executors": ["wrc", "wrm"],
        "deadline": {"kind": "half_yearly"}, "form": "gov_info",
    },
    {
        "anchor": "T1.1.2",
        "name_kk": "Су есепке алу құралдарымен жарақтандырылмаған су пайдаланушыларға тексеру жүргізу",
        "name_ru": "Проведение проверок водопользователей, не оснащенных средствами учета воды",
        "name_en": "Inspections of water users without water meters",
        "budget": "001", "executors": ["wrc"],
        "deadline": {"kind": "yearly", "month": 9, "day": 1}, "form": None,
        "form_kk": "Тексеру актілері", "form_ru": "Акты проверок",
    },
    {
        "anchor": "T1.1.2",
        "name_kk": "Су есепке алу құралдарына қойылатын бірыңғай техникалық талаптарды бекіту",
        "name_ru": "Утверждение единых технических требований к средствам учета воды",
        "name_en": "Uniform technical requirements for water meters",
        "budget": "001", "executors": ["wrm", "dig", "leg"],
        "deadline": {"kind": "month", "month": 5}, "form": "order",
    },
    # T1.1.3 — recycled water in industry
    {
        "anchor": "T1.1.3",
        "name_kk": (
            "Өнеркәсіптік кәсіпорындарда айналымдағы сумен жабдықтау жүйелерін енгізу жөнінде әдістемелік "
            "ұсынымдар әзірлеу"
        ),
        "name_ru": (
            "Разработка методических рекомендаций по внедрению систем оборотного водоснабжения на "
            "промышленных предприятиях"
        ),
        "name_en": "Guidance on closed-loop water supply at industrial enterprises",
        "budget": "010", "executors": ["iwu", "wri"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "method",
    },
    {
        "anchor": "T1.1.3",
        "name_kk": (
            "Ірі су пайдаланушы кәсіпорындардың су тұтыну нормативтерін ең үздік қолжетімді техникаларды "
            "ескере отырып қайта қарау"
        ),
        "name_ru": (
            "Пересмотр нормативов водопотребления крупных предприятий-водопользователей с учетом наилучших "
            "доступных техник"
        ),
        "name_en": (
            "Reviewing water-use standards of large industrial users against best available techniques"
        ),
        "budget": "010", "executors": ["iwu", "wri"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": "order",
    },
    {
        "anchor": "T1.1.3",
        "name_kk": (
            "Өнеркәсіптік кәсіпорындармен тазартылған ағынды суларды қайта пайдалану туралы меморандумдар "
            "жасасу"
        ),
        "name_ru": (
            "Заключение меморандумов с промышленными предприятиями о повторном использовании очищенных "
            "сточных вод"
        ),
        "name_en": "Memoranda with industry on reusing treated wastewater",
        "budget": "", "executors": ["iwu", "wrc"],
        "deadline": {"kind": "date", "date": "2026-11-02"}, "form": None,
        "form_kk": "Меморандумдар", "form_ru": "Меморандумы",
    },
    # T1.2.1 — basins with approved water balances
    {
        "anchor": "T1.2.1",
        "name_kk": "Арал-Сырдария және Балқаш-Алакөл бассейндерінің су шаруашылығы баланстарын әзірлеу",
        "name_ru": (
            "Разработка водохозяйственных балансов Арало-Сырдарьинского и Балхаш-Алакольского бассейнов"
        ),
        "name_en": "Water balances of the Aral-Syrdarya and Balkhash-Alakol basins",
        "budget": "010", "executors": ["wri", "wrm"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": None,
        "form_kk": "Бекітілген су шаруашылығы баланстары",
        "form_ru": "Утвержденные водохозяйственные балансы",
    },
    {
        "anchor": "T1.2.1",
        "name_kk": "Су шаруашылығы баланстарын жасау әдістемесін бекіту",
        "name_ru": "Утверждение методики составления водохозяйственных балансов",
        "name_en": "Methodology for drawing up water balances",
        "budget": "001", "executors": ["wrm", "leg"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "order",
    },
    {
        "anchor": "T1.2.1",
        "name_kk": "Бассейндік кеңестердің отырыстарында су шаруашылығы баланстарын талқылауды ұйымдастыру",
        "name_ru": "Организация обсуждения водохозяйственных балансов на заседаниях бассейновых советов",
        "name_en": "Discussing water balances at basin council meetings",
        "budget": "001", "executors": ["wrc", "wrm"],
        "deadline": {"kind": "half_yearly"}, "form": "minutes",
    },
    {
        "anchor": "T1.2.1",
        "name_kk": "Су шаруашылығы бассейндері бойынша жерүсті суларының жылдық ресурстарын бағалау",
        "name_ru": "Оценка годовых ресурсов поверхностных вод по водохозяйственным бассейнам",
        "name_en": "Annual assessment of surface water resources by basin",
        "budget": "010", "executors": ["wri", "iwu"],
        "deadline": {"kind": "yearly", "month": 3, "day": 1}, "form": "report",
    },
    # T1.2.2 — water bodies with protection zones
    {
        "anchor": "T1.2.2",
        "name_kk": (
            "Су объектілерінің су қорғау аймақтары мен белдеулерін белгілеу жобаларын әзірлеуді үйлестіру"
        ),
        "name_ru": "Координация разработки проектов установления водоохранных зон и полос водных объектов",
        "name_en": "Coordinating projects that set water protection zones and strips",
        "budget": "", "executors": ["wrc", "wrm"],
        "deadline": {"kind": "quarterly"}, "form": "lead_info",
    },
    {
        "anchor": "T1.2.2",
        "name_kk": "Су қорғау аймақтары мен белдеулерін шаруашылықта пайдалану режимінің сақталуын тексеру",
        "name_ru": "Проверка соблюдения режима хозяйственного использования водоохранных зон и полос",
        "name_en": "Checking compliance with land-use rules in water protection zones",
        "budget": "001", "executors": ["wrc"],
        "deadline": {"kind": "yearly", "month": 10, "day": 1}, "form": None,
        "form_kk": "Тексеру актілері", "form_ru": "Акты проверок",
    },
    {
        "anchor": "T1.2.2",
        "name_kk": "Су қорғау белдеулерінің шекараларын мемлекеттік су кадастры мен жер кадастрына енгізу",
        "name_ru": "Внесение границ водоохранных полос в государственный водный кадастр и земельный кадастр",
        "name_en": "Entering protection strip boundaries into the state water and land cadastres",
        "budget": "007 101", "executors": ["iac", "wrc"],
        "deadline": {"kind": "within_year"}, "form": "report",
    },
    # T1.2.3 — environmental releases
    {
        "anchor": "T1.2.3",
        "name_kk": (
            "Балқаш көлінің экологиялық тұрақтылығын сақтау үшін Іле өзенінің ағынын реттеу кестесін бекіту"
        ),
        "name_ru": (
            "Утверждение графика регулирования стока реки Или для поддержания экологической устойчивости "
            "озера Балхаш"
        ),
        "name_en": "Ili river flow schedule to sustain Lake Balkhash",
        "budget": "", "executors": ["wrm", "wrc"],
        "deadline": {"kind": "date", "date": "2026-03-16"}, "form": "order",
    },
    {
        "anchor": "T1.2.3",
        "name_kk": (
            "Кіші Арал теңізіне және Сырдария өзенінің атырауына экологиялық су жіберуді қамтамасыз ету"
        ),
        "name_ru": "Обеспечение экологических попусков в Малое Аральское море и дельту реки Сырдарьи",
        "name_en": "Environmental releases to the Small Aral Sea and the Syr Darya delta",
        "budget": "005 102", "executors": ["kvh", "wrm"],
        "deadline": {"kind": "date", "date": "2026-03-31"}, "form": "lead_info",
    },
    {
        "anchor": "T1.2.3",
        "name_kk": (
            "Көктемгі тасу кезеңінде Жайық өзенінің төменгі ағысындағы жайылмаларды суландыруды ұйымдастыру"
        ),
        "name_ru": "Организация обводнения пойм в нижнем течении реки Урал в период весеннего половодья",
        "name_en": "Flooding the lower Ural floodplains during the spring high water",
        "budget": "005 102", "executors": ["kvh", "wrc"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "gov_info",
    },
]
