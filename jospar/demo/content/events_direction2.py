"""Operational plan 2026, Section I, strategic direction 2: reliable water infrastructure and flood
protection."""

from typing import Any

EVENTS_DIRECTION_2: list[dict[str, Any]] = [
    # M3 — wear of water infrastructure
    {
        "anchor": "M3",
        "name_kk": (
            "Су шаруашылығы инфрақұрылымын жаңғыртудың 2026–2030 жылдарға арналған бағдарламасын әзірлеу"
        ),
        "name_ru": "Разработка программы модернизации водохозяйственной инфраструктуры на 2026–2030 годы",
        "name_en": "Programme for modernising water infrastructure for 2026–2030",
        "budget": "001", "executors": ["win", "spa", "fin"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "gov_decree",
    },
    {
        "anchor": "M3",
        "name_kk": (
            "Республикалық меншіктегі су шаруашылығы құрылыстарына түгендеу жүргізу және олардың тозу "
            "деңгейін бағалау"
        ),
        "name_ru": (
            "Проведение инвентаризации водохозяйственных сооружений республиканской собственности и оценка "
            "уровня их износа"
        ),
        "name_en": "Inventory of state-owned water structures and assessment of their wear",
        "budget": "005 102", "executors": ["kvh", "win"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": "report",
    },
    {
        "anchor": "M3",
        "name_kk": "Иесіз су шаруашылығы құрылыстарын анықтау және оларды республикалық меншікке қабылдау",
        "name_ru": (
            "Выявление бесхозяйных водохозяйственных сооружений и их прием в республиканскую собственность"
        ),
        "name_en": "Identifying ownerless water structures and taking them into state ownership",
        "budget": "001, 005 102", "executors": ["win", "kvh", "leg"],
        "deadline": {"kind": "within_year"}, "form": None,
        "form_kk": "Қабылдау-беру актілері", "form_ru": "Акты приема-передачи",
    },
    {
        "anchor": "M3",
        "name_kk": (
            "Су шаруашылығы объектілерін салуға және реконструкциялауға мемлекеттік-жекешелік әріптестік "
            "тетіктерін тарту жөнінде ұсыныстар әзірлеу"
        ),
        "name_ru": (
            "Разработка предложений по привлечению механизмов государственно-частного партнерства к "
            "строительству и реконструкции водохозяйственных объектов"
        ),
        "name_en": "Proposals for public-private partnership in building and rebuilding water facilities",
        "budget": "001", "executors": ["win", "fin"],
        "deadline": {"kind": "date", "date": "2026-08-14"}, "form": "gov_info",
    },
    # M4 — protection of flood-prone settlements
    {
        "anchor": "M4",
        "name_kk": (
            "Төтенше жағдайлар министрлігімен бірлесіп 2026 жылғы су тасқыны кезеңіне дайындық жөніндегі "
            "іс-шаралар жоспарын бекіту"
        ),
        "name_ru": (
            "Утверждение совместно с Министерством по чрезвычайным ситуациям плана мероприятий по подготовке "
            "к паводковому периоду 2026 года"
        ),
        "name_en": "Joint flood-preparedness plan for 2026 with the Ministry of Emergency Situations",
        "budget": "001", "executors": ["hts", "hsc"],
        "deadline": {"kind": "date", "date": "2026-01-30"}, "form": "joint_order",
    },
    {
        "anchor": "M4",
        "name_kk": (
            "Су тасқыны кезеңінде су қоймаларының толтырылуына және су жіберу режимдеріне тәулік бойы "
            "мониторинг жүргізу"
        ),
        "name_ru": (
            "Круглосуточный мониторинг наполнения водохранилищ и режимов сброса воды в паводковый период"
        ),
        "name_en": "Round-the-clock monitoring of reservoir filling and releases in the flood season",
        "budget": "014", "executors": ["hts", "kvh"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "lead_info",
    },
    {
        "anchor": "M4",
        "name_kk": (
            "Су тасқынының қорытындылары бойынша елді мекендерді су басу қаупінің карталарын өзектендіру"
        ),
        "name_ru": "Актуализация карт риска затопления населенных пунктов по итогам паводка",
        "name_en": "Updating flood-risk maps of settlements after the flood season",
        "budget": "010", "executors": ["wri", "hts", "iac"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": None,
        "form_kk": "Су басу қаупінің карталары", "form_ru": "Карты риска затопления",
    },
    {
        "anchor": "M4",
        "name_kk": "2026 жылғы су тасқынына қарсы іс-шаралардың қорытындылары туралы Үкіметке ақпарат ұсыну",
        "name_ru": (
            "Представление в Правительство информации об итогах противопаводковых мероприятий 2026 года"
        ),
        "name_en": "Information to the Government on the 2026 flood-control measures",
        "budget": "", "executors": ["hts"],
        "deadline": {"kind": "date", "date": "2026-07-01"}, "form": "gov_info",
    },
    # T2.1.1 — reconstructed irrigation canals
    {
        "anchor": "T2.1.1",
        "name_kk": (
            "Түркістан, Қызылорда және Жамбыл облыстарындағы магистральдық және шаруашылықаралық каналдарды "
            "реконструкциялау"
        ),
        "name_ru": (
            "Реконструкция магистральных и межхозяйственных каналов в Туркестанской, Кызылординской и "
            "Жамбылской областях"
        ),
        "name_en": "Rebuilding main and inter-farm canals in Turkistan, Kyzylorda and Zhambyl regions",
        "budget": "005 100", "executors": ["kvh", "win"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": "act_comm",
    },
    {
        "anchor": "T2.1.1",
        "name_kk": (
            "Ирригациялық каналдарды реконструкциялау жобаларының іске асырылу барысы туралы ақпаратты "
            "жинақтау және талдау"
        ),
        "name_ru": "Сбор и анализ информации о ходе реализации проектов реконструкции ирригационных каналов",
        "name_en": "Tracking progress of canal reconstruction projects",
        "budget": "", "executors": ["win", "kvh"],
        "deadline": {"kind": "quarterly", "day": 5}, "form": "lead_info",
    },
    {
        "anchor": "T2.1.1",
        "name_kk": (
            "2027 жылы реконструкцияланатын каналдардың жобалау-сметалық құжаттамасын әзірлеу және "
            "мемлекеттік сараптамадан өткізу"
        ),
        "name_ru": (
            "Разработка проектно-сметной документации каналов, подлежащих реконструкции в 2027 году, и "
            "прохождение государственной экспертизы"
        ),
        "name_en": "Design documents for canals to be rebuilt in 2027, through state expert review",
        "budget": "005 100", "executors": ["win", "kvh"],
        "deadline": {"kind": "month", "month": 11}, "form": None,
        "form_kk": "Мемлекеттік сараптаманың оң қорытындылары",
        "form_ru": "Положительные заключения государственной экспертизы",
    },
    {
        "anchor": "T2.1.1",
        "name_kk": (
            "Каналдарды реконструкциялау жөніндегі құрылыс-монтаж жұмыстарына мемлекеттік сатып алу "
            "рәсімдерін өткізу"
        ),
        "name_ru": (
            "Проведение процедур государственных закупок строительно-монтажных работ по реконструкции "
            "каналов"
        ),
        "name_en": "Public procurement of construction works for canal reconstruction",
        "budget": "005 100", "executors": ["kvh"],
        "deadline": {"kind": "quarter", "quarter": 1}, "form": "contracts",
    },
    {
        "anchor": "T2.1.1",
        "name_kk": (
            "Азия даму банкінің қарыз қаражаты есебінен ирригациялық жүйелерді қалпына келтіру жобасын іске "
            "асыру"
        ),
        "name_ru": (
            "Реализация проекта восстановления ирригационных систем за счет займа Азиатского банка развития"
        ),
        "name_en": "Irrigation rehabilitation project financed by an Asian Development Bank loan",
        "budget": "005 100", "executors": ["win", "kvh", "icd"],
        "deadline": {"kind": "within_year"}, "form": "report",
    },
    # T2.1.2 — water losses in canals
    {
        "anchor": "T2.1.2",
        "name_kk": (
            "Каналдардың пайдалы әсер коэффициентін арттыру үшін оларды бетондау және геомембранамен қаптау"
        ),
        "name_ru": (
            "Бетонирование и облицовка каналов геомембраной для повышения коэффициента полезного действия"
        ),
        "name_en": "Concrete and geomembrane lining of canals to raise their efficiency",
        "budget": "005 100", "executors": ["kvh"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": None,
        "form_kk": "Орындалған жұмыстар актілері", "form_ru": "Акты выполненных работ",
    },
    {
        "anchor": "T2.1.2",
        "name_kk": "Негізгі ирригациялық жүйелерде су шығынын аспаптық өлшеу",
        "name_ru": "Инструментальные замеры потерь воды на основных ирригационных системах",
        "name_en": "Instrumental measurement of water losses in the main irrigation systems",
        "budget": "010", "executors": ["wri", "kvh"],
        "deadline": {"kind": "month", "month": 8}, "form": "report",
    },
    {
        "anchor": "T2.1.2",
        "name_kk": "Суару маусымына дайындық барысында каналдарды тазарту және гидробекеттерді жөндеу",
        "name_ru": "Очистка каналов и ремонт гидропостов в ходе подготовки к поливному сезону",
        "name_en": "Cleaning canals and repairing gauging posts before the irrigation season",
        "budget": "005 102", "executors": ["kvh"],
        "deadline": {"kind": "yearly", "month": 4, "day": 1}, "form": "lead_info",
    },
    # T2.1.3 — improved reclamation status
    {
        "anchor": "T2.1.3",
        "name_kk": "Мақтаарал және Шардара аудандарындағы коллекторлық-дренаждық желілерді қалпына келтіру",
        "name_ru": "Восстановление коллекторно-дренажных сетей в Мактааральском и Шардаринском районах",
        "name_en": "Restoring collector-drainage networks in Maktaaral and Shardara districts",
        "budget": "005 100", "executors": ["kvh", "irr"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": "act_comm",
    },
    {
        "anchor": "T2.1.3",
        "name_kk": (
            "Суармалы жерлердің мелиоративтік жай-күйіне (топырақтың сортаңдануы және ыза суларының деңгейі) "
            "мониторинг жүргізу"
        ),
        "name_ru": (
            "Мониторинг мелиоративного состояния орошаемых земель (засоление почв и уровень грунтовых вод)"
        ),
        "name_en": "Monitoring the reclamation status of irrigated land (soil salinity, groundwater level)",
        "budget": "005 102", "executors": ["kvh", "irr"],
        "deadline": {"kind": "yearly", "month": 11, "day": 1}, "form": "report",
    },
    {
        "anchor": "T2.1.3",
        "name_kk": "Мелиоративтік жүйелерді пайдалану қағидаларын жаңа редакцияда бекіту",
        "name_ru": "Утверждение правил эксплуатации мелиоративных систем в новой редакции",
        "name_en": "New edition of the rules for operating reclamation systems",
        "budget": "001", "executors": ["irr", "leg"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": "order",
    },
    # T2.2.1 — surveyed hydrotechnical structures
    {
        "anchor": "T2.2.1",
        "name_kk": "Гидротехникалық құрылыстарға көпфакторлы тексеру жүргізу",
        "name_ru": "Проведение многофакторного обследования гидротехнических сооружений",
        "name_en": "Multi-factor survey of hydrotechnical structures",
        "budget": "005 102", "executors": ["hsc", "hts"],
        "deadline": {"kind": "yearly", "month": 6, "day": 1}, "form": None,
        "form_kk": "Тексеру актілері", "form_ru": "Акты обследования",
    },
    {
        "anchor": "T2.2.1",
        "name_kk": "Гидротехникалық құрылыстардың қауіпсіздік декларацияларын қарау және тіркеу",
        "name_ru": "Рассмотрение и регистрация деклараций безопасности гидротехнических сооружений",
        "name_en": "Reviewing and registering safety declarations of hydrotechnical structures",
        "budget": "", "executors": ["hts", "hsc"],
        "deadline": {"kind": "quarterly"}, "form": "lead_info",
    },
    {
        "anchor": "T2.2.1",
        "name_kk": "Гидротехникалық құрылыстардың мемлекеттік тізілімін жүргізу және өзектендіру",
        "name_ru": "Ведение и актуализация государственного реестра гидротехнических сооружений",
        "name_en": "Maintaining the state register of hydrotechnical structures",
        "budget": "007 101", "executors": ["iac", "hts"],
        "deadline": {"kind": "within_year"}, "form": None,
        "form_kk": "Өзектендірілген тізілім", "form_ru": "Актуализированный реестр",
    },
    {
        "anchor": "T2.2.1",
        "name_kk": (
            "Гидротехникалық құрылыстардың қауіпсіздігі мәселелері бойынша Су кодексіне өзгерістер мен "
            "толықтырулар енгізу туралы заң жобасын әзірлеу"
        ),
        "name_ru": (
            "Разработка проекта закона о внесении изменений и дополнений в Водный кодекс по вопросам "
            "безопасности гидротехнических сооружений"
        ),
        "name_en": "Draft law amending the Water Code on the safety of hydrotechnical structures",
        "budget": "001", "executors": ["hts", "leg"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": "draft_law",
    },
    # T2.2.2 — reservoirs and hydraulic units rebuilt
    {
        "anchor": "T2.2.2",
        "name_kk": "Бөген және Тасөткел су қоймаларын реконструкциялау жұмыстарын аяқтау",
        "name_ru": "Завершение работ по реконструкции Бугуньского и Тасоткельского водохранилищ",
        "name_en": "Completing the reconstruction of the Bugun and Tasotkel reservoirs",
        "budget": "005 101", "executors": ["kvh", "win"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": "act_comm",
    },
    {
        "anchor": "T2.2.2",
        "name_kk": "Көкарал бөгетін биіктету жобасының техникалық-экономикалық негіздемесін әзірлеу",
        "name_ru": "Разработка технико-экономического обоснования проекта повышения Кокаральской плотины",
        "name_en": "Feasibility study for raising the Kokaral dam",
        "budget": "005 101", "executors": ["win", "wri", "icd"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": None,
        "form_kk": "Техникалық-экономикалық негіздеме", "form_ru": "Технико-экономическое обоснование",
    },
    {
        "anchor": "T2.2.2",
        "name_kk": (
            "Гидротехникалық құрылыстарды күрделі жөндеуге арналған 2027 жылғы бюджеттік өтінімді "
            "қалыптастыру"
        ),
        "name_ru": (
            "Формирование бюджетной заявки на 2027 год на капитальный ремонт гидротехнических сооружений"
        ),
        "name_en": "Budget request for 2027 for capital repairs of hydrotechnical structures",
        "budget": "", "executors": ["win", "fin"],
        "deadline": {"kind": "date", "date": "2026-04-15"}, "form": None,
        "form_kk": "Бюджеттік өтінім", "form_ru": "Бюджетная заявка",
    },
    {
        "anchor": "T2.2.2",
        "name_kk": (
            "Авариялық жай-күйдегі гидротехникалық құрылыстарды жөндеу жұмыстарына техникалық қадағалау "
            "жүргізу"
        ),
        "name_ru": (
            "Осуществление технического надзора за ремонтом гидротехнических сооружений, находящихся в "
            "аварийном состоянии"
        ),
        "name_en": "Technical supervision of repairs to hydrotechnical structures in emergency condition",
        "budget": "005 101", "executors": ["hsc", "kvh"],
        "deadline": {"kind": "within_year"}, "form": "report",
    },
    # T2.2.3 — new reservoirs
    {
        "anchor": "T2.2.3",
        "name_kk": "Алматы, Жамбыл және Түркістан облыстарында жаңа су қоймаларын салу",
        "name_ru": "Строительство новых водохранилищ в Алматинской, Жамбылской и Туркестанской областях",
        "name_en": "Building new reservoirs in Almaty, Zhambyl and Turkistan regions",
        "budget": "005 101", "executors": ["win", "kvh"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": "act_comm",
    },
    {
        "anchor": "T2.2.3",
        "name_kk": "2027–2028 жылдары салынатын су қоймаларының жобалау-сметалық құжаттамасын әзірлеу",
        "name_ru": (
            "Разработка проектно-сметной документации водохранилищ, строительство которых предусмотрено в "
            "2027–2028 годах"
        ),
        "name_en": "Design documents for reservoirs to be built in 2027–2028",
        "budget": "005 101", "executors": ["win", "kvh"],
        "deadline": {"kind": "month", "month": 10}, "form": None,
        "form_kk": "Жобалау-сметалық құжаттама", "form_ru": "Проектно-сметная документация",
    },
    {
        "anchor": "T2.2.3",
        "name_kk": "Жаңа су қоймаларының салынуы барысы туралы Президент Әкімшілігіне ақпарат ұсыну",
        "name_ru": (
            "Представление в Администрацию Президента информации о ходе строительства новых водохранилищ"
        ),
        "name_en": "Information to the Administration of the President on new reservoir construction",
        "budget": "", "executors": ["win", "spa"],
        "deadline": {"kind": "monthly"}, "form": "ap_info",
    },
    {
        "anchor": "T2.2.3",
        "name_kk": (
            "Жаңа су қоймаларын салу үшін жер учаскелерін резервтеу және алып қою мәселелерін жергілікті "
            "атқарушы органдармен пысықтау"
        ),
        "name_ru": (
            "Проработка с местными исполнительными органами вопросов резервирования и изъятия земельных "
            "участков для строительства новых водохранилищ"
        ),
        "name_en": "Reserving and acquiring land for new reservoirs with local authorities",
        "budget": "001", "executors": ["win", "leg"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "minutes",
    },
    # T2.3.1 — protective dykes
    {
        "anchor": "T2.3.1",
        "name_kk": "Жайық, Елек және Есіл өзендерінің бойында қорғаныш бөгеттерін салу және реконструкциялау",
        "name_ru": "Строительство и реконструкция защитных дамб вдоль рек Урал, Илек и Ишим",
        "name_en": "Building and rebuilding protective dykes along the Ural, Ilek and Ishim rivers",
        "budget": "014", "executors": ["hts", "kvh"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": "act_comm",
    },
    {
        "anchor": "T2.3.1",
        "name_kk": (
            "Су тасқыны өткеннен кейін тасқынға қарсы қорғаныш құрылыстарының техникалық жай-күйін тексеру"
        ),
        "name_ru": (
            "Послепаводковое обследование технического состояния противопаводковых защитных сооружений"
        ),
        "name_en": "Post-flood survey of flood defences",
        "budget": "014", "executors": ["hsc", "hts"],
        "deadline": {"kind": "month", "month": 6}, "form": None,
        "form_kk": "Тексеру актілері және ақаулар тізімдемесі",
        "form_ru": "Акты обследования и дефектные ведомости",
    },
    {
        "anchor": "T2.3.1",
        "name_kk": (
            "Қорғаныш бөгеттерін салуға жергілікті атқарушы органдарға берілген нысаналы трансферттердің "
            "пайдаланылуына мониторинг жүргізу"
        ),
        "name_ru": (
            "Мониторинг использования целевых трансфертов, выделенных местным исполнительным органам на "
            "строительство защитных дамб"
        ),
        "name_en": "Monitoring targeted transfers to local authorities for protective dykes",
        "budget": "", "executors": ["fin", "hts"],
        "deadline": {"kind": "quarterly", "day": 10}, "form": "lead_info",
    },
    # T2.3.2 — cleared river beds
    {
        "anchor": "T2.3.2",
        "name_kk": "Есіл, Тобыл және Нұра өзендерінің арналарын тазарту және түзету",
        "name_ru": "Расчистка и спрямление русел рек Ишим, Тобол и Нура",
        "name_en": "Clearing and straightening the beds of the Ishim, Tobol and Nura rivers",
        "budget": "014", "executors": ["kvh", "hts"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": None,
        "form_kk": "Орындалған жұмыстар актілері", "form_ru": "Акты выполненных работ",
    },
    {
        "anchor": "T2.3.2",
        "name_kk": (
            "Аэроғарыштық түсірілім деректері бойынша арнасын тазартуды қажет ететін өзен учаскелерін "
            "анықтау"
        ),
        "name_ru": "Определение участков рек, требующих расчистки русел, по данным аэрокосмической съемки",
        "name_en": "Identifying river sections that need clearing from aerial and satellite imagery",
        "budget": "007 101", "executors": ["iac", "wri"],
        "deadline": {"kind": "quarter", "quarter": 1}, "form": "report",
    },
    {
        "anchor": "T2.3.2",
        "name_kk": "Көктемгі су тасқыны алдында су өткізу құрылыстарын қар мен мұздан тазартуды ұйымдастыру",
        "name_ru": "Организация очистки водопропускных сооружений от снега и льда перед весенним паводком",
        "name_en": "Clearing culverts of snow and ice before the spring flood",
        "budget": "014", "executors": ["kvh", "hts"],
        "deadline": {"kind": "date", "date": "2026-03-02"}, "form": "lead_info",
    },
]
