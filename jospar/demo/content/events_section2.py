"""Operational plan 2026, Section II: events for the other tasks of the ministry's regulation."""

from typing import Any

EVENTS_SECTION_2: list[dict[str, Any]] = [
    # R1 — appeals of individuals and legal entities
    {
        "anchor": "R1",
        "name_kk": (
            "Жеке және заңды тұлғалардың өтініштерін қарау мерзімдерінің сақталуына мониторинг жүргізу"
        ),
        "name_ru": "Мониторинг соблюдения сроков рассмотрения обращений физических и юридических лиц",
        "name_en": "Monitoring the timeliness of handling appeals",
        "budget": "", "executors": ["doc"],
        "deadline": {"kind": "monthly"}, "form": None,
        "form_kk": "Жауапты хатшыға ақпарат", "form_ru": "Информация ответственному секретарю",
    },
    {
        "anchor": "R1",
        "name_kk": "Өтініштерде жиі көтерілетін су пайдалану мәселелеріне талдау жүргізу",
        "name_ru": "Анализ проблем водопользования, наиболее часто поднимаемых в обращениях",
        "name_en": "Analysis of recurring water-use issues raised in appeals",
        "budget": "", "executors": ["doc", "wrm"],
        "deadline": {"kind": "quarterly", "day": 5}, "form": "analytical_note",
    },
    {
        "anchor": "R1",
        "name_kk": "Министр мен вице-министрлердің өңірлерде азаматтарды жеке қабылдауын ұйымдастыру",
        "name_ru": "Организация личных приемов граждан министром и вице-министрами в регионах",
        "name_en": "Personal receptions of citizens by the minister and vice ministers in the regions",
        "budget": "001", "executors": ["doc", "press"],
        "deadline": {"kind": "quarterly"}, "form": None,
        "form_kk": "Жеке қабылдау хаттамалары", "form_ru": "Протоколы личных приемов",
    },
    # R2 — personnel policy
    {
        "anchor": "R2",
        "name_kk": (
            "Министрліктің мемлекеттік қызметшілерінің біліктілігін арттыру жоспарын бекіту және орындау"
        ),
        "name_ru": (
            "Утверждение и исполнение плана повышения квалификации государственных служащих министерства"
        ),
        "name_en": "Training plan for the ministry's civil servants",
        "budget": "001", "executors": ["hr"],
        "deadline": {"kind": "yearly", "month": 12, "day": 20}, "form": "order",
    },
    {
        "anchor": "R2",
        "name_kk": "Мемлекеттік қызметшілердің қызметін бағалауды жүргізу",
        "name_ru": "Проведение оценки деятельности государственных служащих",
        "name_en": "Performance appraisal of civil servants",
        "budget": "001", "executors": ["hr"],
        "deadline": {"kind": "yearly", "month": 12, "day": 25}, "form": "minutes",
    },
    {
        "anchor": "R2",
        "name_kk": "Бос әкімшілік мемлекеттік лауазымдарға орналасуға ішкі және жалпы конкурстар өткізу",
        "name_ru": (
            "Проведение внутренних и общих конкурсов на занятие вакантных административных государственных "
            "должностей"
        ),
        "name_en": "Competitions for vacant administrative civil service posts",
        "budget": "001", "executors": ["hr"],
        "deadline": {"kind": "within_year"}, "form": None,
        "form_kk": "Конкурстық комиссияның хаттамалары", "form_ru": "Протоколы конкурсной комиссии",
    },
    # R3 — internal audit
    {
        "anchor": "R3",
        "name_kk": "Ішкі аудит қызметінің 2027 жылға арналған жылдық аудиторлық жоспарын бекіту",
        "name_ru": "Утверждение годового аудиторского плана Службы внутреннего аудита на 2027 год",
        "name_en": "Internal audit plan for 2027",
        "budget": "", "executors": ["audit"],
        "deadline": {"kind": "date", "date": "2026-12-25"}, "form": "order",
    },
    {
        "anchor": "R3",
        "name_kk": "«Қазсушар» РМК-да бюджет қаражатын пайдалану тиімділігіне аудит жүргізу",
        "name_ru": "Проведение аудита эффективности использования бюджетных средств в РГП «Казводхоз»",
        "name_en": "Audit of budget spending efficiency at RSE Kazvodkhoz",
        "budget": "001", "executors": ["audit"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": None,
        "form_kk": "Аудиторлық есеп", "form_ru": "Аудиторский отчет",
    },
    {
        "anchor": "R3",
        "name_kk": "Ішкі аудит нәтижелері бойынша берілген ұсынымдардың орындалуына мониторинг жүргізу",
        "name_ru": "Мониторинг исполнения рекомендаций, выданных по результатам внутреннего аудита",
        "name_en": "Follow-up of internal audit recommendations",
        "budget": "", "executors": ["audit"],
        "deadline": {"kind": "half_yearly"}, "form": None,
        "form_kk": "Министрге ақпарат", "form_ru": "Информация министру",
    },
    # R4 — anti-corruption and compliance
    {
        "anchor": "R4",
        "name_kk": (
            "Министрлік пен ведомстволық бағынысты ұйымдардың қызметінде сыбайлас жемқорлық тәуекелдеріне "
            "ішкі талдау жүргізу"
        ),
        "name_ru": (
            "Проведение внутреннего анализа коррупционных рисков в деятельности министерства и "
            "подведомственных организаций"
        ),
        "name_en": "Internal analysis of corruption risks in the ministry and its subordinate organisations",
        "budget": "", "executors": ["comp"],
        "deadline": {"kind": "date", "date": "2026-10-01"}, "form": None,
        "form_kk": "Министрге ақпарат", "form_ru": "Информация министру",
    },
    {
        "anchor": "R4",
        "name_kk": (
            "Су пайдалануға рұқсат беру кезіндегі сыбайлас жемқорлық тәуекелдерін азайту жөніндегі "
            "іс-шаралар жоспарын бекіту"
        ),
        "name_ru": (
            "Утверждение плана мероприятий по снижению коррупционных рисков при выдаче разрешений на "
            "водопользование"
        ),
        "name_en": "Plan to reduce corruption risks in issuing water-use permits",
        "budget": "001", "executors": ["comp", "wrc"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "order",
    },
    {
        "anchor": "R4",
        "name_kk": (
            "Мемлекеттік қызметшілер үшін сыбайлас жемқорлыққа қарсы стандарттар мен әдеп нормалары бойынша "
            "оқыту семинарларын өткізу"
        ),
        "name_ru": (
            "Проведение обучающих семинаров для государственных служащих по антикоррупционным стандартам и "
            "нормам этики"
        ),
        "name_en": "Training seminars on anti-corruption standards and ethics",
        "budget": "001", "executors": ["comp", "hr"],
        "deadline": {"kind": "yearly", "month": 4, "day": 30}, "form": None,
        "form_kk": "Семинар материалдары және қатысушылар тізімі",
        "form_ru": "Материалы семинаров и списки участников",
    },
    # R5 — information policy
    {
        "anchor": "R5",
        "name_kk": "Министрліктің 2026 жылға арналған медиа-жоспарын бекіту және орындау",
        "name_ru": "Утверждение и исполнение медиа-плана министерства на 2026 год",
        "name_en": "The ministry's media plan for 2026",
        "budget": "001", "executors": ["press"],
        "deadline": {"kind": "within_year"}, "form": None,
        "form_kk": "Медиа-жоспар", "form_ru": "Медиа-план",
    },
    {
        "anchor": "R5",
        "name_kk": (
            "Су тасқыны кезеңінде халықты хабардар ету үшін брифингтер мен баспасөз конференцияларын өткізу"
        ),
        "name_ru": (
            "Проведение брифингов и пресс-конференций для информирования населения в паводковый период"
        ),
        "name_en": "Briefings and press conferences for the public during the flood season",
        "budget": "001", "executors": ["press", "hts"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "press",
    },
    {
        "anchor": "R5",
        "name_kk": (
            "Министр мен вице-министрлердің бұқаралық ақпарат құралдарында және әлеуметтік желілерде сөз "
            "сөйлеуін ұйымдастыру"
        ),
        "name_ru": (
            "Организация выступлений министра и вице-министров в средствах массовой информации и социальных "
            "сетях"
        ),
        "name_en": "Media and social network appearances of the minister and vice ministers",
        "budget": "001", "executors": ["press"],
        "deadline": {"kind": "monthly"}, "form": None,
        "form_kk": "Жарияланымдар мониторингі", "form_ru": "Мониторинг публикаций",
    },
    # R6 — legal work
    {
        "anchor": "R6",
        "name_kk": "Министрліктің нормативтік құқықтық актілерін заңнамадағы өзгерістерге сәйкес келтіру",
        "name_ru": (
            "Приведение нормативных правовых актов министерства в соответствие с изменениями "
            "законодательства"
        ),
        "name_en": "Aligning the ministry's regulations with changes in legislation",
        "budget": "", "executors": ["leg"],
        "deadline": {"kind": "within_year"}, "form": "order",
    },
    {
        "anchor": "R6",
        "name_kk": "Министрліктің претензиялық-талап қою жұмысының жай-күйі мен нәтижелеріне талдау жүргізу",
        "name_ru": "Анализ состояния и результатов претензионно-исковой работы министерства",
        "name_en": "Analysis of the ministry's claims and litigation work",
        "budget": "", "executors": ["leg"],
        "deadline": {"kind": "half_yearly"}, "form": "analytical_note",
    },
    {
        "anchor": "R6",
        "name_kk": "Су кодексін іске асыру мақсатында қабылданатын заңға тәуелді актілер тізбесін орындау",
        "name_ru": "Исполнение перечня подзаконных актов, принимаемых в целях реализации Водного кодекса",
        "name_en": "Adopting the secondary legislation that implements the Water Code",
        "budget": "001", "executors": ["leg", "wrm"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "order",
    },
    # R7 — document management and execution discipline
    {
        "anchor": "R7",
        "name_kk": "Министрліктегі құжат айналымының және атқарушылық тәртіптің жай-күйіне талдау жүргізу",
        "name_ru": "Анализ документооборота и состояния исполнительской дисциплины в министерстве",
        "name_en": "Analysis of document flow and execution discipline",
        "budget": "", "executors": ["doc"],
        "deadline": {"kind": "quarterly"}, "form": None,
        "form_kk": "Жауапты хатшыға ақпарат", "form_ru": "Информация ответственному секретарю",
    },
    {
        "anchor": "R7",
        "name_kk": "2025 жылғы тұрақты сақталатын істерді ведомстволық мұрағатқа тапсыру",
        "name_ru": "Передача дел постоянного хранения за 2025 год в ведомственный архив",
        "name_en": "Transferring 2025 permanent-retention files to the departmental archive",
        "budget": "", "executors": ["doc"],
        "deadline": {"kind": "date", "date": "2026-06-30"}, "form": None,
        "form_kk": "Істерді қабылдау-тапсыру актілері", "form_ru": "Акты приема-передачи дел",
    },
    {
        "anchor": "R7",
        "name_kk": "Министрліктің 2027 жылға арналған істер номенклатурасын бекіту",
        "name_ru": "Утверждение номенклатуры дел министерства на 2027 год",
        "name_en": "The ministry's file plan for 2027",
        "budget": "", "executors": ["doc"],
        "deadline": {"kind": "yearly", "month": 12, "day": 15}, "form": "order",
    },
    # R8 — civil defence and mobilisation preparedness
    {
        "anchor": "R8",
        "name_kk": "Министрліктің азаматтық қорғаныс жоспарын түзету",
        "name_ru": "Корректировка плана гражданской обороны министерства",
        "name_en": "Updating the ministry's civil defence plan",
        "budget": "001", "executors": ["mob"],
        "deadline": {"kind": "date", "date": "2026-02-27"}, "form": None,
        "form_kk": "Азаматтық қорғаныс жоспары", "form_ru": "План гражданской обороны",
    },
    {
        "anchor": "R8",
        "name_kk": (
            "Ведомстволық бағынысты ұйымдарда азаматтық қорғаныс бойынша командалық-штабтық оқу-жаттығу "
            "өткізу"
        ),
        "name_ru": (
            "Проведение командно-штабного учения по гражданской обороне в подведомственных организациях"
        ),
        "name_en": "Civil defence command-post exercise at subordinate organisations",
        "budget": "001", "executors": ["mob", "kvh", "hsc"],
        "deadline": {"kind": "month", "month": 9}, "form": "report",
    },
    # R9 — international treaties
    {
        "anchor": "R9",
        "name_kk": "Министрліктің құзыретіне жататын халықаралық шарттардың орындалуына мониторинг жүргізу",
        "name_ru": "Мониторинг исполнения международных договоров, относящихся к компетенции министерства",
        "name_en": "Monitoring international treaties within the ministry's competence",
        "budget": "", "executors": ["icd", "leg"],
        "deadline": {"kind": "yearly", "month": 12, "day": 1}, "form": None,
        "form_kk": "Сыртқы істер министрлігіне ақпарат",
        "form_ru": "Информация в Министерство иностранных дел",
    },
    {
        "anchor": "R9",
        "name_kk": "Халықаралық шарттардың жобаларына құқықтық сараптама жүргізу",
        "name_ru": "Проведение правовой экспертизы проектов международных договоров",
        "name_en": "Legal review of draft international treaties",
        "budget": "", "executors": ["leg", "icd"],
        "deadline": {"kind": "within_year"}, "form": None,
        "form_kk": "Құқықтық сараптама қорытындылары", "form_ru": "Заключения правовой экспертизы",
    },
    {
        "anchor": "R9",
        "name_kk": (
            "Еуропа қайта құру және даму банкімен су шаруашылығы жобаларын қаржыландыру жөніндегі "
            "ынтымақтастық туралы меморандумға қол қою"
        ),
        "name_ru": (
            "Подписание меморандума о сотрудничестве с Европейским банком реконструкции и развития по "
            "финансированию водохозяйственных проектов"
        ),
        "name_en": "Memorandum with the EBRD on financing water projects",
        "budget": "001", "executors": ["icd", "fin"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": "intl_agreement",
    },
    # R10 — budget planning
    {
        "anchor": "R10",
        "name_kk": "Министрліктің 2027–2029 жылдарға арналған бюджеттік өтінімін қалыптастыру және ұсыну",
        "name_ru": "Формирование и представление бюджетной заявки министерства на 2027–2029 годы",
        "name_en": "The ministry's budget request for 2027–2029",
        "budget": "001", "executors": ["fin", "spa"],
        "deadline": {"kind": "date", "date": "2026-05-15"}, "form": None,
        "form_kk": "Бюджеттік өтінім", "form_ru": "Бюджетная заявка",
    },
    {
        "anchor": "R10",
        "name_kk": "Бюджеттік бағдарламалардың іске асырылуы туралы есептерді қалыптастыру",
        "name_ru": "Формирование отчетов о реализации бюджетных программ",
        "name_en": "Reports on the implementation of budget programmes",
        "budget": "001", "executors": ["fin"],
        "deadline": {"kind": "quarterly", "day": 10}, "form": "report",
    },
    {
        "anchor": "R10",
        "name_kk": "Бюджет қаражатының игерілуіне ай сайын мониторинг жүргізу",
        "name_ru": "Ежемесячный мониторинг освоения бюджетных средств",
        "name_en": "Monthly monitoring of budget spending",
        "budget": "", "executors": ["fin"],
        "deadline": {"kind": "monthly"}, "form": "lead_info",
    },
    # R11 — public services
    {
        "anchor": "R11",
        "name_kk": "Мемлекеттік қызметтер көрсету сапасына ішкі бақылау жүргізу",
        "name_ru": "Проведение внутреннего контроля за качеством оказания государственных услуг",
        "name_en": "Internal control of public service quality",
        "budget": "001", "executors": ["dig", "wrc"],
        "deadline": {"kind": "yearly", "month": 11, "day": 15}, "form": "report",
    },
    {
        "anchor": "R11",
        "name_kk": (
            "Мемлекеттік көрсетілетін қызметтер стандарттарына өзгерістер енгізу жобаларын жария талқылауға "
            "шығару"
        ),
        "name_ru": "Вынесение на публичное обсуждение проектов изменений в стандарты государственных услуг",
        "name_en": "Public consultation on amendments to public service standards",
        "budget": "001", "executors": ["wrc", "leg"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": None,
        "form_kk": "«Ашық НҚА» порталындағы жарияланым", "form_ru": "Публикация на портале «Открытые НПА»",
    },
    # R12 — strategic planning and monitoring
    {
        "anchor": "R12",
        "name_kk": "Операциялық жоспардың іске асырылуы туралы есепті қалыптастыру",
        "name_ru": "Формирование отчета о реализации операционного плана",
        "name_en": "Report on the implementation of the operational plan",
        "budget": "", "executors": ["spa"],
        "deadline": {"kind": "quarterly", "day": 15}, "form": "report",
    },
    {
        "anchor": "R12",
        "name_kk": "Министрліктің 2027 жылға арналған операциялық жоспарын әзірлеу",
        "name_ru": "Разработка операционного плана министерства на 2027 год",
        "name_en": "The ministry's operational plan for 2027",
        "budget": "001", "executors": ["spa"],
        "deadline": {"kind": "month", "month": 12}, "form": "order",
    },
    {
        "anchor": "R12",
        "name_kk": "Даму жоспарының нысаналы индикаторларына қол жеткізу барысына талдау жүргізу",
        "name_ru": "Анализ хода достижения целевых индикаторов плана развития",
        "name_en": "Analysis of progress towards the development plan's target indicators",
        "budget": "001", "executors": ["spa"],
        "deadline": {"kind": "half_yearly"}, "form": "analytical_note",
    },
]
