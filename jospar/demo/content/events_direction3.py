"""Operational plan 2026, Section I, strategic direction 3: efficient governance, digitalisation and
international cooperation."""

from typing import Any

EVENTS_DIRECTION_3: list[dict[str, Any]] = [
    # M5 — water-sharing limits on transboundary rivers
    {
        "anchor": "M5",
        "name_kk": (
            "Трансшекаралық өзендерді пайдалану және қорғау жөніндегі Қазақстан-Қытай бірлескен "
            "комиссиясының кезекті отырысын өткізу"
        ),
        "name_ru": (
            "Проведение очередного заседания Казахстанско-Китайской совместной комиссии по использованию и "
            "охране трансграничных рек"
        ),
        "name_en": "Regular meeting of the Kazakhstan–China joint commission on transboundary rivers",
        "budget": "001", "executors": ["icd", "wrm"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": "minutes",
    },
    {
        "anchor": "M5",
        "name_kk": (
            "Шу және Талас өзендеріндегі мемлекетаралық пайдаланудағы су шаруашылығы құрылыстары жөніндегі "
            "Қазақстан-Қырғыз комиссиясының отырысына қатысу"
        ),
        "name_ru": (
            "Участие в заседании Казахстанско-Кыргызской комиссии по использованию водохозяйственных "
            "сооружений межгосударственного пользования на реках Чу и Талас"
        ),
        "name_en": "Meeting of the Kazakhstan–Kyrgyzstan Chu-Talas water commission",
        "budget": "001", "executors": ["icd", "kvh"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "minutes",
    },
    {
        "anchor": "M5",
        "name_kk": (
            "Сырдария өзенінің бассейнінде вегетациялық кезеңге арналған су бөлу лимиттерін Орталық Азия "
            "мемлекеттерімен келісу"
        ),
        "name_ru": (
            "Согласование с государствами Центральной Азии лимитов вододеления на вегетационный период в "
            "бассейне реки Сырдарьи"
        ),
        "name_en": "Agreeing Syr Darya growing-season water limits with Central Asian states",
        "budget": "001", "executors": ["icd", "wrm"],
        "deadline": {"kind": "date", "date": "2026-04-01"}, "form": "minutes",
    },
    {
        "anchor": "M5",
        "name_kk": (
            "Трансшекаралық өзендердің шекаралық тұстамаларындағы нақты ағын көлеміне мониторинг жүргізу"
        ),
        "name_ru": "Мониторинг фактических объемов стока в пограничных створах трансграничных рек",
        "name_en": "Monitoring actual flows at border gauging sections of transboundary rivers",
        "budget": "001, 007 101", "executors": ["wrm", "iac"],
        "deadline": {"kind": "monthly"}, "form": "lead_info",
    },
    # T3.1.1 — canals with automated metering and distribution
    {
        "anchor": "T3.1.1",
        "name_kk": "Каналдардағы су бөлу тораптарын автоматтандыру және SCADA жүйелерін енгізу",
        "name_ru": "Автоматизация вододелительных узлов на каналах и внедрение систем SCADA",
        "name_en": "Automating canal water-distribution nodes with SCADA",
        "budget": "007 101", "executors": ["dig", "kvh"],
        "deadline": {"kind": "quarter", "quarter": 4}, "form": "act_comm",
    },
    {
        "anchor": "T3.1.1",
        "name_kk": "Су ресурстарын басқарудың ұлттық ақпараттық жүйесін өнеркәсіптік пайдалануға енгізу",
        "name_ru": (
            "Ввод в промышленную эксплуатацию национальной информационной системы управления водными "
            "ресурсами"
        ),
        "name_en": "Commissioning the national water resources management information system",
        "budget": "007 101", "executors": ["dig", "iac"],
        "deadline": {"kind": "date", "date": "2026-10-01"}, "form": "act_comm",
    },
    {
        "anchor": "T3.1.1",
        "name_kk": (
            "Каналдарда орнатылған датчиктерден деректер беру үшін байланыс арналарының үздіксіз жұмысын "
            "қамтамасыз ету"
        ),
        "name_ru": (
            "Обеспечение бесперебойной работы каналов связи для передачи данных с датчиков, установленных на "
            "каналах"
        ),
        "name_en": "Reliable communication links for canal sensor data",
        "budget": "007 101", "executors": ["iac", "dig"],
        "deadline": {"kind": "quarterly"}, "form": "report",
    },
    # T3.1.2 — electronic public services
    {
        "anchor": "T3.1.2",
        "name_kk": (
            "«Арнайы су пайдалануға рұқсат беру» мемлекеттік көрсетілетін қызметін проактивті форматқа "
            "көшіру"
        ),
        "name_ru": (
            "Перевод государственной услуги «Выдача разрешения на специальное водопользование» в проактивный "
            "формат"
        ),
        "name_en": "Making the special water-use permit service proactive",
        "budget": "007 101", "executors": ["dig", "wrc"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": "order",
    },
    {
        "anchor": "T3.1.2",
        "name_kk": (
            "Су саласындағы мемлекеттік көрсетілетін қызметтердің тізілімін оңтайландыру және қағаз "
            "түріндегі құжаттарды талап етуді алып тастау"
        ),
        "name_ru": (
            "Оптимизация реестра государственных услуг в водной сфере и исключение требований о "
            "представлении бумажных документов"
        ),
        "name_en": "Streamlining water-sector public services and dropping paper documents",
        "budget": "007 101", "executors": ["dig", "leg", "wrc"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "order",
    },
    {
        "anchor": "T3.1.2",
        "name_kk": "Су пайдаланушының жеке кабинетін «электрондық үкімет» порталымен интеграциялау",
        "name_ru": "Интеграция личного кабинета водопользователя с порталом «электронного правительства»",
        "name_en": "Integrating the water user's personal account with the e-government portal",
        "budget": "007 101", "executors": ["dig", "iac"],
        "deadline": {"kind": "month", "month": 9}, "form": "act_comm",
    },
    # T3.2.1 — international agreements on transboundary rivers
    {
        "anchor": "T3.2.1",
        "name_kk": (
            "Ертіс өзенінің су ресурстарын бөлу туралы келісім жобасы бойынша Қытай Халық Республикасымен "
            "келіссөздер жүргізу"
        ),
        "name_ru": (
            "Проведение переговоров с Китайской Народной Республикой по проекту соглашения о вододелении на "
            "реке Иртыш"
        ),
        "name_en": "Negotiations with China on an Irtysh water-sharing agreement",
        "budget": "001", "executors": ["icd", "leg", "wrm"],
        "deadline": {"kind": "within_year"}, "form": None,
        "form_kk": "Келіссөздер хаттамалары", "form_ru": "Протоколы переговоров",
    },
    {
        "anchor": "T3.2.1",
        "name_kk": (
            "Жайық өзенінің трансшекаралық бассейнін қорғау және пайдалану жөніндегі Ресей Федерациясымен "
            "бірлескен жұмыс бағдарламасын бекіту"
        ),
        "name_ru": (
            "Утверждение совместной с Российской Федерацией программы работ по охране и использованию "
            "трансграничного бассейна реки Урал"
        ),
        "name_en": "Joint programme with Russia for the Ural river basin",
        "budget": "001", "executors": ["icd", "wrc"],
        "deadline": {"kind": "quarter", "quarter": 2}, "form": "minutes",
    },
    {
        "anchor": "T3.2.1",
        "name_kk": (
            "Су ресурстарын басқару саласындағы ынтымақтастық туралы Өзбекстан Республикасымен үкіметаралық "
            "келісімнің жобасын мемлекетішілік келісу"
        ),
        "name_ru": (
            "Внутригосударственное согласование проекта межправительственного соглашения с Республикой "
            "Узбекистан о сотрудничестве в сфере управления водными ресурсами"
        ),
        "name_en": "Domestic clearance of the water cooperation agreement with Uzbekistan",
        "budget": "001", "executors": ["icd", "leg"],
        "deadline": {"kind": "quarter", "quarter": 3}, "form": "gov_decree",
    },
    # T3.2.2 — specialists trained
    {
        "anchor": "T3.2.2",
        "name_kk": "Су шаруашылығы саласы мамандарының біліктілігін арттыру курстарын ұйымдастыру",
        "name_ru": "Организация курсов повышения квалификации специалистов водного хозяйства",
        "name_en": "Professional development courses for water sector specialists",
        "budget": "001", "executors": ["hr", "wri"],
        "deadline": {"kind": "yearly", "month": 12, "day": 20}, "form": None,
        "form_kk": "Оқу туралы сертификаттар", "form_ru": "Сертификаты об обучении",
    },
    {
        "anchor": "T3.2.2",
        "name_kk": (
            "Жоғары оқу орындарымен бірлесіп «Су ресурстары және су пайдалану» білім беру бағдарламасы "
            "бойынша мемлекеттік білім беру тапсырысын ұлғайту жөнінде ұсыныстар әзірлеу"
        ),
        "name_ru": (
            "Разработка совместно с вузами предложений по увеличению государственного образовательного "
            "заказа по образовательной программе «Водные ресурсы и водопользование»"
        ),
        "name_en": "Proposals with universities to expand state-funded places in water resources studies",
        "budget": "001", "executors": ["hr", "spa"],
        "deadline": {"kind": "quarter", "quarter": 1}, "form": None,
        "form_kk": "Ғылым және жоғары білім министрлігіне ұсыныстар",
        "form_ru": "Предложения в Министерство науки и высшего образования",
    },
    {
        "anchor": "T3.2.2",
        "name_kk": (
            "Су шаруашылығы кәсіпорындарының жас мамандарына арналған тәлімгерлік бағдарламасын іске асыру"
        ),
        "name_ru": (
            "Реализация программы наставничества для молодых специалистов водохозяйственных предприятий"
        ),
        "name_en": "Mentoring programme for young specialists of water utilities",
        "budget": "", "executors": ["kvh", "hr"],
        "deadline": {"kind": "within_year"}, "form": "report",
    },
    {
        "anchor": "T3.2.2",
        "name_kk": (
            "Мамандарды су үнемдеу және ирригацияны басқару жөніндегі халықаралық тәжірибе алмасу "
            "бағдарламаларына жіберу"
        ),
        "name_ru": (
            "Направление специалистов на международные программы обмена опытом по водосбережению и "
            "управлению ирригацией"
        ),
        "name_en": "Sending specialists to international exchange programmes on irrigation management",
        "budget": "001", "executors": ["icd", "hr"],
        "deadline": {"kind": "yearly", "month": 11, "day": 30}, "form": "report",
    },
]
