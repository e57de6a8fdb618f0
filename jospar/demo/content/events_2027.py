"""Proposals of the units and subordinate organisations for the draft operational plan 2027."""

from typing import Any

NEXT_YEAR_EVENTS: list[dict[str, Any]] = [
    {
        "anchor": "M1",
        "name_kk": (
            "Су үнемдеу технологияларын енгізу жөніндегі кешенді жоспардың 2026 жылғы іске асырылу "
            "қорытындыларын талдау"
        ),
        "name_ru": (
            "Анализ итогов реализации комплексного плана по внедрению водосберегающих технологий за 2026 год"
        ),
        "name_en": "Review of the 2026 results of the water-saving plan",
        "budget": "", "executors": ["wrm", "irr"],
        "deadline": {"kind": "quarter", "quarter": 1}, "form": "analytical_note",
    },
    {
        "anchor": "M2",
        "name_kk": "Жаңа суармалы алқаптарды игеру жөніндегі инвестициялық жобалардың тізбесін қалыптастыру",
        "name_ru": "Формирование перечня инвестиционных проектов по освоению новых орошаемых массивов",
        "name_en": "List of investment projects for developing new irrigated areas",
        "budget": "", "executors": ["irr", "fin"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "gov_info",
    },
    {
        "anchor": "T1.1.1",
        "name_kk": (
            "Ақмола және Павлодар облыстарында жаңбырлатып суаруды енгізу бойынша пилоттық жобаларды іске "
            "асыру"
        ),
        "name_ru": (
            "Реализация пилотных проектов по внедрению дождевального орошения в Акмолинской и Павлодарской "
            "областях"
        ),
        "name_en": "Sprinkler irrigation pilot projects in Akmola and Pavlodar regions",
        "budget": "010", "executors": ["wri", "irr"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": "report",
    },
    {
        "anchor": "T1.1.2",
        "name_kk": (
            "Су есепке алу құралдарының деректерін ұлттық ақпараттық жүйеге автоматты түрде беруді "
            "қамтамасыз ету"
        ),
        "name_ru": (
            "Обеспечение автоматической передачи данных средств учета воды в национальную информационную "
            "систему"
        ),
        "name_en": "Automatic transfer of water meter data to the national information system",
        "budget": "007 101", "executors": ["dig", "iac"],
        "deadline": {"kind": "date", "date": "2027-09-01"}, "form": "act_comm",
    },
    {
        "anchor": "T1.1.3",
        "name_kk": (
            "Өнеркәсіптік кәсіпорындардағы айналымдағы сумен жабдықтау жүйелерінің жай-күйіне талдау жүргізу"
        ),
        "name_ru": "Анализ состояния систем оборотного водоснабжения на промышленных предприятиях",
        "name_en": "Review of closed-loop water supply systems at industrial enterprises",
        "budget": "", "executors": ["iwu"],
        "deadline": {"kind": "half_yearly"}, "form": "analytical_note",
    },
    {
        "anchor": "T1.2.1",
        "name_kk": "Ертіс және Есіл бассейндерінің су шаруашылығы баланстарын әзірлеу",
        "name_ru": "Разработка водохозяйственных балансов Иртышского и Ишимского бассейнов",
        "name_en": "Water balances of the Irtysh and Ishim basins",
        "budget": "010", "executors": ["wri", "wrm"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": None,
        "form_kk": "Бекітілген су шаруашылығы баланстары",
        "form_ru": "Утвержденные водохозяйственные балансы",
    },
    {
        "anchor": "T1.2.2",
        "name_kk": (
            "Жайық-Каспий бассейніндегі су объектілерінің су қорғау аймақтарын белгілеу жобаларын әзірлеуді "
            "үйлестіру"
        ),
        "name_ru": (
            "Координация разработки проектов установления водоохранных зон водных объектов Урало-Каспийского "
            "бассейна"
        ),
        "name_en": "Water protection zone projects in the Ural-Caspian basin",
        "budget": "", "executors": ["wrc"],
        "deadline": {"kind": "within_year"}, "form": "report",
    },
    {
        "anchor": "T1.2.3",
        "name_kk": "Арал-Сырдария бассейнінің көл жүйелерін суландыру кестесін бекіту",
        "name_ru": "Утверждение графика обводнения озерных систем Арало-Сырдарьинского бассейна",
        "name_en": "Schedule for replenishing the lake systems of the Aral-Syrdarya basin",
        "budget": "", "executors": ["wrm", "kvh"],
        "deadline": {"kind": "month", "month": 2}, "form": "order",
    },
    {
        "anchor": "M3",
        "name_kk": (
            "Су шаруашылығы инфрақұрылымын жаңғырту бағдарламасын іске асырудың бірінші жылының "
            "қорытындылары туралы Үкіметке ақпарат ұсыну"
        ),
        "name_ru": (
            "Представление в Правительство информации об итогах первого года реализации программы "
            "модернизации водохозяйственной инфраструктуры"
        ),
        "name_en": (
            "Information to the Government on the first year of the infrastructure modernisation programme"
        ),
        "budget": "", "executors": ["win", "spa"],
        "deadline": {"kind": "date", "date": "2027-02-15"}, "form": "gov_info",
    },
    {
        "anchor": "M4",
        "name_kk": "2027 жылғы су тасқыны кезеңіне дайындық жөніндегі бірлескен іс-шаралар жоспарын бекіту",
        "name_ru": "Утверждение совместного плана мероприятий по подготовке к паводковому периоду 2027 года",
        "name_en": "Joint flood-preparedness plan for 2027",
        "budget": "001", "executors": ["hts", "hsc"],
        "deadline": {"kind": "date", "date": "2027-01-29"}, "form": "joint_order",
    },
    {
        "anchor": "T2.1.1",
        "name_kk": "Алматы және Жетісу облыстарындағы шаруашылықаралық каналдарды реконструкциялау",
        "name_ru": "Реконструкция межхозяйственных каналов в Алматинской и Жетысуской областях",
        "name_en": "Rebuilding inter-farm canals in Almaty and Zhetysu regions",
        "budget": "005 100", "executors": ["kvh", "win"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": "act_comm",
    },
    {
        "anchor": "T2.1.2",
        "name_kk": (
            "Ірі ирригациялық жүйелерде суды тасымалдау кезіндегі шығындарды азайту жөніндегі іс-шаралар "
            "жоспарын әзірлеу"
        ),
        "name_ru": (
            "Разработка плана мероприятий по снижению потерь воды при транспортировке на крупных "
            "ирригационных системах"
        ),
        "name_en": "Plan to reduce conveyance losses on large irrigation systems",
        "budget": "", "executors": ["irr", "wri"],
        "deadline": {"kind": "quarter", "quarter": 1}, "form": "order",
    },
    {
        "anchor": "T2.1.3",
        "name_kk": "Қызылорда облысындағы коллекторлық-дренаждық желілерді реконструкциялау",
        "name_ru": "Реконструкция коллекторно-дренажных сетей в Кызылординской области",
        "name_en": "Rebuilding collector-drainage networks in Kyzylorda region",
        "budget": "005 100", "executors": ["kvh", "irr"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": "act_comm",
    },
    {
        "anchor": "T2.2.1",
        "name_kk": "Гидротехникалық құрылыстарды тексерудің жылдық кестесін бекіту",
        "name_ru": "Утверждение годового графика обследования гидротехнических сооружений",
        "name_en": "Annual schedule of hydrotechnical structure surveys",
        "budget": "", "executors": ["hts", "hsc"],
        "deadline": {"kind": "yearly", "month": 2, "day": 1}, "form": "order",
    },
    {
        "anchor": "T2.2.2",
        "name_kk": "Қызылағаш су қоймасының су тастау құрылысын реконструкциялау",
        "name_ru": "Реконструкция водосбросного сооружения Кызылагашского водохранилища",
        "name_en": "Rebuilding the spillway of the Kyzylagash reservoir",
        "budget": "005 101", "executors": ["kvh", "win"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": "act_comm",
    },
    {
        "anchor": "T2.2.3",
        "name_kk": "2027 жылы пайдалануға берілетін жаңа су қоймаларын толтыру режимдерін бекіту",
        "name_ru": "Утверждение режимов наполнения новых водохранилищ, вводимых в эксплуатацию в 2027 году",
        "name_en": "Filling regimes for the new reservoirs commissioned in 2027",
        "budget": "", "executors": ["wrm", "kvh"],
        "deadline": {"kind": "month", "month": 10}, "form": "order",
    },
    {
        "anchor": "T2.3.1",
        "name_kk": (
            "Ақтөбе және Батыс Қазақстан облыстарындағы елді мекендерді су басудан қорғайтын бөгеттерді салу"
        ),
        "name_ru": (
            "Строительство дамб для защиты от затопления населенных пунктов Актюбинской и "
            "Западно-Казахстанской областей"
        ),
        "name_en": "Flood dykes for settlements in Aktobe and West Kazakhstan regions",
        "budget": "014", "executors": ["hts", "kvh"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": "act_comm",
    },
    {
        "anchor": "T2.3.2",
        "name_kk": "Шағын өзендердің арналарын тазартудың 2027–2029 жылдарға арналған кестесін бекіту",
        "name_ru": "Утверждение графика расчистки русел малых рек на 2027–2029 годы",
        "name_en": "Schedule for clearing small river beds for 2027–2029",
        "budget": "", "executors": ["hts", "kvh"],
        "deadline": {"kind": "quarter", "quarter": 1}, "form": "order",
    },
    {
        "anchor": "M5",
        "name_kk": (
            "Трансшекаралық өзендер жөніндегі Қазақстан-Қытай бірлескен комиссиясы жанындағы сарапшылар "
            "жұмыс тобының отырысын өткізу"
        ),
        "name_ru": (
            "Проведение заседания рабочей группы экспертов при Казахстанско-Китайской совместной комиссии по "
            "трансграничным рекам"
        ),
        "name_en": "Expert working group of the Kazakhstan–China joint commission on transboundary rivers",
        "budget": "001", "executors": ["icd", "wrm"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "minutes",
    },
    {
        "anchor": "M5",
        "name_kk": (
            "Трансшекаралық өзендердің шекаралық тұстамаларында судың мөлшері мен сапасын бірлесіп өлшеу"
        ),
        "name_ru": "Совместные замеры количества и качества воды в пограничных створах трансграничных рек",
        "name_en": "Joint measurements of water quantity and quality at border gauging sections",
        "budget": "", "executors": ["wrc", "icd"],
        "deadline": {"kind": "quarterly", "day": 5}, "form": "minutes",
    },
    {
        "anchor": "T3.1.1",
        "name_kk": (
            "Магистральдық каналдардағы су бөлу тораптарын автоматтандырудың екінші кезеңін іске асыру"
        ),
        "name_ru": "Реализация второго этапа автоматизации вододелительных узлов на магистральных каналах",
        "name_en": "Second stage of automating water-distribution nodes on main canals",
        "budget": "007 101", "executors": ["dig", "kvh"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": "act_comm",
    },
    {
        "anchor": "T3.1.2",
        "name_kk": (
            "Су шаруашылығы саласындағы мемлекеттік көрсетілетін қызметтерді «бір өтініш» қағидаты бойынша "
            "көрсетуге көшіру"
        ),
        "name_ru": "Перевод государственных услуг в сфере водного хозяйства на принцип «одного заявления»",
        "name_en": "Moving water-sector public services to the one-application principle",
        "budget": "", "executors": ["dig", "wrc"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": "order",
    },
    {
        "anchor": "T3.2.1",
        "name_kk": "Ертіс өзенінің су ресурстарын бөлу туралы келісімге қол қоюды дайындау",
        "name_ru": "Подготовка к подписанию соглашения о вододелении на реке Иртыш",
        "name_en": "Preparing the signature of the Irtysh water-sharing agreement",
        "budget": "001", "executors": ["icd", "leg"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": "intl_agreement",
    },
    {
        "anchor": "T3.2.2",
        "name_kk": "Су шаруашылығы саласының 2027–2029 жылдарға арналған кадрлық қажеттілігін бағалау",
        "name_ru": "Оценка потребности отрасли водного хозяйства в кадрах на 2027–2029 годы",
        "name_en": "Assessment of the water sector's staffing needs for 2027–2029",
        "budget": "", "executors": ["hr", "spa"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "analytical_note",
    },
    {
        "anchor": "R2",
        "name_kk": "Министрліктің кадр резервін қалыптастыру және оны оқыту",
        "name_ru": "Формирование и обучение кадрового резерва министерства",
        "name_en": "Forming and training the ministry's personnel reserve",
        "budget": "001", "executors": ["hr"],
        "deadline": {"kind": "within_year"}, "form": "order",
    },
    {
        "anchor": "R4",
        "name_kk": (
            "Ведомстволық бағынысты ұйымдардың сатып алу рәсімдеріндегі сыбайлас жемқорлық тәуекелдеріне "
            "талдау жүргізу"
        ),
        "name_ru": "Анализ коррупционных рисков в закупочных процедурах подведомственных организаций",
        "name_en": "Corruption risk analysis of procurement at subordinate organisations",
        "budget": "", "executors": ["comp"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": None,
        "form_kk": "Министрге ақпарат", "form_ru": "Информация министру",
    },
    {
        "anchor": "R5",
        "name_kk": "Министрліктің 2027 жылға арналған медиа-жоспарын бекіту",
        "name_ru": "Утверждение медиа-плана министерства на 2027 год",
        "name_en": "The ministry's media plan for 2027",
        "budget": "", "executors": ["press"],
        "deadline": {"kind": "quarter", "quarter": 1}, "form": None,
        "form_kk": "Медиа-жоспар", "form_ru": "Медиа-план",
    },
    {
        "anchor": "R7",
        "name_kk": "Атқарушылық тәртіптің жай-күйіне ай сайын мониторинг жүргізу",
        "name_ru": "Ежемесячный мониторинг состояния исполнительской дисциплины",
        "name_en": "Monthly monitoring of execution discipline",
        "budget": "", "executors": ["doc"],
        "deadline": {"kind": "monthly"}, "form": None,
        "form_kk": "Жауапты хатшыға ақпарат", "form_ru": "Информация ответственному секретарю",
    },
    {
        "anchor": "R10",
        "name_kk": "Министрліктің 2028–2030 жылдарға арналған бюджеттік өтінімін қалыптастыру",
        "name_ru": "Формирование бюджетной заявки министерства на 2028–2030 годы",
        "name_en": "The ministry's budget request for 2028–2030",
        "budget": "", "executors": ["fin", "spa"],
        "deadline": {"kind": "date", "date": "2027-05-14"}, "form": None,
        "form_kk": "Бюджеттік өтінім", "form_ru": "Бюджетная заявка",
    },
    {
        "anchor": "R12",
        "name_kk": "Министрліктің 2028 жылға арналған операциялық жоспарын әзірлеу",
        "name_ru": "Разработка операционного плана министерства на 2028 год",
        "name_en": "The ministry's operational plan for 2028",
        "budget": "", "executors": ["spa"],
        "deadline": {"kind": "month", "month": 12}, "form": "order",
    },
]
