//! Checks the real knowledge base in `data/kb`: every UN member, organisations by code, and
//! office holders on given dates.

use chrono::NaiveDate;
use entente_kb::Kb;

fn kb() -> Kb {
    match Kb::load_default() {
        Ok(kb) => kb,
        Err(e) => panic!("knowledge base failed to load: {e}"),
    }
}

fn date(s: &str) -> NaiveDate {
    match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        Ok(d) => d,
        Err(e) => panic!("bad test date {s}: {e}"),
    }
}

/// The 193 UN member states, by alpha-3 code.
const UN_MEMBERS: &str = "AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL \
BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA \
DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN \
IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL \
MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL \
PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR \
SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE";

#[test]
fn every_un_member_and_the_others() {
    let kb = kb();
    let codes: Vec<&str> = UN_MEMBERS.split_whitespace().collect();
    assert_eq!(codes.len(), 193);
    for code in &codes {
        let s = kb
            .state(code)
            .unwrap_or_else(|| panic!("missing state {code}"));
        assert_eq!(s.status, "un_member", "{code}");
        assert_eq!(s.id, format!("state:{}", code.to_lowercase()));
        assert!(
            kb.state_by_iso2(&s.iso2).is_some_and(|t| t.iso3 == *code),
            "{code} by iso2"
        );
    }
    assert_eq!(
        kb.states.iter().filter(|s| s.status == "un_member").count(),
        193
    );
    let others = [
        ("VAT", "un_observer"),
        ("PSE", "un_observer"),
        ("TWN", "non_member"),
        ("XKX", "non_member"),
    ];
    for (code, status) in others {
        assert_eq!(
            kb.state(code).map(|s| s.status.as_str()),
            Some(status),
            "{code}"
        );
    }
    assert_eq!(kb.states.len(), 197);
}

#[test]
fn state_names_and_forms() {
    let kb = kb();
    let cases = [
        ("KOR", "South Korea", "Seoul", "Republic of Korea"),
        ("PRK", "North Korea", "Pyongyang", "DPRK"),
        ("USA", "United States", "Washington", "U.S."),
        ("GBR", "United Kingdom", "London", "Great Britain"),
        ("CHN", "China", "Beijing", "PRC"),
        ("TWN", "Taiwan", "Taipei", "Republic of China"),
        ("TUR", "Türkiye", "Ankara", "Turkey"),
        ("CZE", "Czechia", "Prague", "Czech Republic"),
        ("CIV", "Côte d'Ivoire", "Yamoussoukro", "Ivory Coast"),
        ("MMR", "Myanmar", "Naypyidaw", "Burma"),
        ("SWZ", "Eswatini", "Mbabane", "Swaziland"),
        ("MKD", "North Macedonia", "Skopje", "Macedonia"),
        ("RUS", "Russia", "Moscow", "Russian Federation"),
        ("UKR", "Ukraine", "Kyiv", "the Ukraine"),
        ("XKX", "Kosovo", "Pristina", "Republic of Kosovo"),
    ];
    for (code, name, capital, form) in cases {
        let s = kb.state(code).unwrap_or_else(|| panic!("missing {code}"));
        assert_eq!(
            (s.name.as_str(), s.capital.as_str()),
            (name, capital),
            "{code}"
        );
        assert!(
            s.forms.iter().any(|f| f == form),
            "{code} lacks form {form}"
        );
    }
    assert_eq!(kb.state("state:jpn").map(|s| s.iso2.as_str()), Some("JP"));
    assert_eq!(kb.state("kor").map(|s| s.iso2.as_str()), Some("KR"));
    assert!(kb.state("XXX").is_none());
    let sino = kb
        .state("CHN")
        .map(|s| s.combining.clone())
        .unwrap_or_default();
    assert_eq!(sino, ["Sino-"]);
    assert!(kb
        .state("GBR")
        .is_some_and(|s| s.combining.contains(&"Anglo-".to_string())));
}

#[test]
fn organisations_by_code() {
    let kb = kb();
    let cases = [
        ("UN", "United Nations"),
        ("UNSC", "UN Security Council"),
        ("UNGA", "UN General Assembly"),
        ("IAEA", "International Atomic Energy Agency"),
        ("WTO", "World Trade Organization"),
        ("WHO", "World Health Organization"),
        ("IMF", "International Monetary Fund"),
        ("WB", "World Bank"),
        ("NATO", "North Atlantic Treaty Organization"),
        ("EU", "European Union"),
        ("ASEAN", "Association of Southeast Asian Nations"),
        ("G7", "Group of Seven"),
        ("G20", "Group of 20"),
        ("QUAD", "Quadrilateral Security Dialogue"),
        ("AUKUS", "AUKUS"),
        ("SCO", "Shanghai Cooperation Organisation"),
        ("BRICS", "BRICS"),
        ("APEC", "Asia-Pacific Economic Cooperation"),
        ("GCC", "Gulf Cooperation Council"),
        ("FVEY", "Five Eyes"),
        ("TCS", "Trilateral Cooperation Secretariat"),
        ("AU", "African Union"),
        ("OAS", "Organization of American States"),
        (
            "OSCE",
            "Organization for Security and Co-operation in Europe",
        ),
        ("LAS", "Arab League"),
        ("OPEC", "Organization of the Petroleum Exporting Countries"),
        (
            "CTBTO",
            "Comprehensive Nuclear-Test-Ban Treaty Organization",
        ),
        (
            "OPCW",
            "Organisation for the Prohibition of Chemical Weapons",
        ),
        ("ICC", "International Criminal Court"),
        ("ICJ", "International Court of Justice"),
        ("UNHCR", "UN High Commissioner for Refugees"),
        ("UNICEF", "UNICEF"),
        ("INTERPOL", "Interpol"),
        ("MERCOSUR", "Mercosur"),
        ("PIF", "Pacific Islands Forum"),
        ("EAS", "East Asia Summit"),
        ("ARF", "ASEAN Regional Forum"),
        ("SIXPARTY", "Six-Party Talks"),
        ("EC", "European Commission"),
        ("EUCO", "European Council"),
        ("COE", "Council of Europe"),
        ("CSTO", "Collective Security Treaty Organization"),
        ("EAEU", "Eurasian Economic Union"),
        ("CIS", "Commonwealth of Independent States"),
        ("COMSEC", "Commonwealth of Nations"),
        ("LMC", "Lancang-Mekong Cooperation"),
        ("SLD", "Shangri-La Dialogue"),
        ("EEF", "Eastern Economic Forum"),
        ("BOAO", "Boao Forum for Asia"),
        ("MSC", "Munich Security Conference"),
    ];
    for (code, name) in cases {
        let o = kb.org(code).unwrap_or_else(|| panic!("missing org {code}"));
        assert_eq!(o.name, name, "{code}");
        assert_eq!(kb.org(&o.id).map(|x| x.code.as_str()), Some(code));
    }
    assert!(kb.orgs.len() >= 40);
    let members = |code: &str| {
        kb.org(code)
            .map(|o| o.members.join(" "))
            .unwrap_or_default()
    };
    assert_eq!(members("G7"), "CAN FRA DEU ITA JPN GBR USA");
    assert_eq!(members("QUAD"), "AUS IND JPN USA");
    assert_eq!(members("AUKUS"), "AUS GBR USA");
    assert_eq!(members("TCS"), "CHN JPN KOR");
    assert_eq!(kb.org("NATO").map(|o| o.members.len()), Some(32));
    assert_eq!(kb.org("EU").map(|o| o.members.len()), Some(27));
    assert_eq!(kb.org("G20").map(|o| o.members.len()), Some(19));
    assert_eq!(kb.org("nato").map(|o| o.id.as_str()), Some("org:nato"));
    assert_eq!(kb.org("UNSC").and_then(|o| o.parent.as_deref()), Some("UN"));
}

/// `role country date person-id`, one per line: who held the office that day.
const HOLDERS: &str = "
prime_minister JPN 2019-06-01 shinzo-abe
prime_minister JPN 2011-01-01 naoto-kan
prime_minister JPN 2012-06-01 yoshihiko-noda
prime_minister JPN 2021-01-01 yoshihide-suga
prime_minister JPN 2023-05-19 fumio-kishida
prime_minister JPN 2025-03-01 shigeru-ishiba
head_of_government JPN 2016-05-26 shinzo-abe
emperor JPN 2018-01-01 akihito
emperor JPN 2020-01-01 naruhito
head_of_state JPN 2020-01-01 naruhito
foreign_minister JPN 2015-12-28 fumio-kishida
foreign_minister JPN 2018-06-12 taro-kono
foreign_minister JPN 2020-06-01 toshimitsu-motegi
foreign_minister JPN 2022-06-01 yoshimasa-hayashi
foreign_minister JPN 2024-01-01 yoko-kamikawa
foreign_minister JPN 2025-03-01 takeshi-iwaya
foreign_minister JPN 2011-06-01 takeaki-matsumoto
defence_minister JPN 2016-01-01 gen-nakatani
defence_minister JPN 2019-01-01 takeshi-iwaya
defence_minister JPN 2022-01-01 nobuo-kishi
defence_minister JPN 2024-01-01 minoru-kihara
chief_cabinet_secretary JPN 2019-04-01 yoshihide-suga
chief_cabinet_secretary JPN 2022-01-01 hirokazu-matsuno
national_security_adviser JPN 2018-06-01 shotaro-yachi
national_security_adviser JPN 2023-01-01 takeo-akiba
president KOR 2018-04-27 moon-jae-in
president KOR 2014-01-01 park-geun-hye
president KOR 2011-01-01 lee-myung-bak
president KOR 2023-08-18 yoon-suk-yeol
head_of_state KOR 2019-06-30 moon-jae-in
acting_president KOR 2017-01-01 hwang-kyo-ahn
acting_president KOR 2025-01-15 choi-sang-mok
prime_minister KOR 2018-01-01 lee-nak-yon
prime_minister KOR 2023-01-01 han-duck-soo
foreign_minister KOR 2018-04-27 kang-kyung-wha
foreign_minister KOR 2015-12-28 yun-byung-se
foreign_minister KOR 2021-06-01 chung-eui-yong
foreign_minister KOR 2023-08-18 park-jin
foreign_minister KOR 2012-01-01 kim-sung-hwan
defence_minister KOR 2018-04-27 song-young-moo
defence_minister KOR 2020-01-01 jeong-kyeong-doo
defence_minister KOR 2013-01-01 kim-kwan-jin
defence_minister KOR 2023-01-01 lee-jong-sup
defence_minister KOR 2024-03-01 shin-won-sik
national_security_adviser KOR 2018-06-12 chung-eui-yong
national_security_adviser KOR 2021-01-01 suh-hoon
unification_minister KOR 2018-04-27 cho-myoung-gyon
unification_minister KOR 2021-01-01 lee-in-young
unification_minister KOR 2024-01-01 kim-yung-ho
unification_minister KOR 2016-01-01 hong-yong-pyo
president USA 2018-06-12 donald-trump
president USA 2012-01-01 barack-obama
president USA 2022-01-01 joe-biden
president USA 2025-06-01 donald-trump
head_of_government USA 2016-01-01 barack-obama
vice_president USA 2019-01-01 mike-pence
vice_president USA 2023-01-01 kamala-harris
foreign_minister USA 2018-06-12 mike-pompeo
foreign_minister USA 2012-01-01 hillary-clinton
foreign_minister USA 2015-07-14 john-kerry
foreign_minister USA 2017-06-01 rex-tillerson
foreign_minister USA 2022-01-01 antony-blinken
foreign_minister USA 2025-03-01 marco-rubio
defence_minister USA 2018-06-12 jim-mattis
defence_minister USA 2016-01-01 ash-carter
defence_minister USA 2020-01-01 mark-esper
defence_minister USA 2023-01-01 lloyd-austin
defence_minister USA 2025-03-01 pete-hegseth
defence_minister USA 2012-01-01 leon-panetta
defence_minister USA 2014-01-01 chuck-hagel
national_security_adviser USA 2018-06-12 john-bolton
national_security_adviser USA 2017-06-01 hr-mcmaster
national_security_adviser USA 2015-01-01 susan-rice
national_security_adviser USA 2022-01-01 jake-sullivan
national_security_adviser USA 2020-01-01 robert-obrien
national_security_adviser USA 2012-01-01 tom-donilon
president CHN 2018-01-01 xi-jinping
president CHN 2011-01-01 hu-jintao
general_secretary CHN 2020-01-01 xi-jinping
premier CHN 2018-01-01 li-keqiang
premier CHN 2024-01-01 li-qiang
premier CHN 2012-01-01 wen-jiabao
head_of_government CHN 2024-01-01 li-qiang
foreign_minister CHN 2023-08-01 wang-yi
foreign_minister CHN 2023-03-01 qin-gang
foreign_minister CHN 2018-01-01 wang-yi
foreign_minister CHN 2011-01-01 yang-jiechi
defence_minister CHN 2020-01-01 wei-fenghe
defence_minister CHN 2015-01-01 chang-wanquan
defence_minister CHN 2024-06-01 dong-jun
defence_minister CHN 2023-06-01 li-shangfu
president RUS 2018-06-01 vladimir-putin
president RUS 2010-01-01 dmitry-medvedev
prime_minister RUS 2015-01-01 dmitry-medvedev
prime_minister RUS 2011-01-01 vladimir-putin
prime_minister RUS 2022-01-01 mikhail-mishustin
foreign_minister RUS 2019-02-01 sergey-lavrov
defence_minister RUS 2019-02-01 sergei-shoigu
defence_minister RUS 2025-01-01 andrei-belousov
national_security_adviser RUS 2019-02-01 nikolai-patrushev
national_security_adviser RUS 2025-01-01 sergei-shoigu
supreme_leader PRK 2018-06-12 kim-jong-un
supreme_leader PRK 2010-01-01 kim-jong-il
head_of_state PRK 2015-01-01 kim-yong-nam
head_of_state PRK 2020-01-01 kim-jong-un
chairman PRK 2018-06-12 kim-jong-un
premier PRK 2016-01-01 pak-pong-ju
premier PRK 2021-01-01 kim-tok-hun
premier PRK 2011-01-01 choe-yong-rim
foreign_minister PRK 2018-06-12 ri-yong-ho
foreign_minister PRK 2023-01-01 choe-son-hui
foreign_minister PRK 2021-01-01 ri-son-gwon
foreign_minister PRK 2012-01-01 pak-ui-chun
prime_minister GBR 2018-01-01 theresa-may
prime_minister GBR 2012-01-01 david-cameron
prime_minister GBR 2020-01-01 boris-johnson
prime_minister GBR 2023-01-01 rishi-sunak
prime_minister GBR 2025-01-01 keir-starmer
head_of_state GBR 2015-01-01 elizabeth-ii
head_of_state GBR 2024-01-01 charles-iii
foreign_minister GBR 2017-01-01 boris-johnson
foreign_minister GBR 2012-01-01 william-hague
foreign_minister GBR 2020-01-01 dominic-raab
foreign_minister GBR 2024-01-01 david-cameron
defence_minister GBR 2021-01-01 ben-wallace
defence_minister GBR 2016-01-01 michael-fallon
president FRA 2018-01-01 emmanuel-macron
president FRA 2014-01-01 francois-hollande
president FRA 2011-01-01 nicolas-sarkozy
prime_minister FRA 2019-01-01 edouard-philippe
prime_minister FRA 2021-01-01 jean-castex
foreign_minister FRA 2018-01-01 jean-yves-le-drian
foreign_minister FRA 2014-01-01 laurent-fabius
defence_minister FRA 2019-01-01 florence-parly
chancellor DEU 2018-01-01 angela-merkel
chancellor DEU 2023-01-01 olaf-scholz
president DEU 2019-01-01 frank-walter-steinmeier
president DEU 2014-01-01 joachim-gauck
foreign_minister DEU 2019-01-01 heiko-maas
foreign_minister DEU 2023-01-01 annalena-baerbock
foreign_minister DEU 2015-01-01 frank-walter-steinmeier
defence_minister DEU 2016-01-01 ursula-von-der-leyen
defence_minister DEU 2024-01-01 boris-pistorius
prime_minister ITA 2019-01-01 giuseppe-conte
prime_minister ITA 2022-01-01 mario-draghi
prime_minister ITA 2023-06-01 giorgia-meloni
president ITA 2018-01-01 sergio-mattarella
foreign_minister ITA 2020-01-01 luigi-di-maio
prime_minister IND 2018-01-01 narendra-modi
prime_minister IND 2012-01-01 manmohan-singh
president IND 2019-01-01 ram-nath-kovind
foreign_minister IND 2016-01-01 sushma-swaraj
foreign_minister IND 2022-01-01 s-jaishankar
defence_minister IND 2018-01-01 nirmala-sitharaman
defence_minister IND 2021-01-01 rajnath-singh
national_security_adviser IND 2018-01-01 ajit-doval
president BRA 2020-01-01 jair-bolsonaro
president BRA 2013-01-01 dilma-rousseff
president BRA 2017-06-01 michel-temer
president BRA 2024-01-01 lula
foreign_minister BRA 2024-01-01 mauro-vieira
president ARG 2017-01-01 mauricio-macri
president ARG 2021-01-01 alberto-fernandez
president ARG 2024-06-01 javier-milei
president ARG 2013-01-01 cristina-fernandez
foreign_minister ARG 2013-01-01 hector-timerman
prime_minister AUS 2017-01-01 malcolm-turnbull
prime_minister AUS 2020-01-01 scott-morrison
prime_minister AUS 2023-01-01 anthony-albanese
prime_minister AUS 2011-01-01 julia-gillard
foreign_minister AUS 2016-01-01 julie-bishop
foreign_minister AUS 2023-01-01 penny-wong
defence_minister AUS 2023-01-01 richard-marles
prime_minister CAN 2014-01-01 stephen-harper
prime_minister CAN 2018-01-01 justin-trudeau
foreign_minister CAN 2018-01-01 chrystia-freeland
foreign_minister CAN 2023-01-01 melanie-joly
defence_minister CAN 2018-01-01 harjit-sajjan
president IDN 2018-01-01 joko-widodo
president IDN 2012-01-01 susilo-bambang-yudhoyono
foreign_minister IDN 2018-01-01 retno-marsudi
president MEX 2020-01-01 amlo
president MEX 2015-01-01 enrique-pena-nieto
foreign_minister MEX 2020-01-01 marcelo-ebrard
king SAU 2018-01-01 king-salman
king SAU 2012-01-01 king-abdullah
crown_prince SAU 2018-01-01 mohammed-bin-salman
prime_minister SAU 2023-01-01 mohammed-bin-salman
foreign_minister SAU 2017-01-01 adel-al-jubeir
foreign_minister SAU 2021-01-01 faisal-bin-farhan
president ZAF 2015-01-01 jacob-zuma
president ZAF 2020-01-01 cyril-ramaphosa
foreign_minister ZAF 2021-01-01 naledi-pandor
president TUR 2018-01-01 recep-tayyip-erdogan
president TUR 2012-01-01 abdullah-gul
prime_minister TUR 2012-01-01 recep-tayyip-erdogan
prime_minister TUR 2017-01-01 binali-yildirim
head_of_government TUR 2020-01-01 recep-tayyip-erdogan
foreign_minister TUR 2019-01-01 mevlut-cavusoglu
foreign_minister TUR 2024-01-01 hakan-fidan
defence_minister TUR 2020-01-01 hulusi-akar
president EC 2016-01-01 jean-claude-juncker
president EC 2021-01-01 ursula-von-der-leyen
president EUCO 2016-01-01 donald-tusk
president EUCO 2021-01-01 charles-michel
high_representative EU 2016-01-01 federica-mogherini
high_representative EU 2021-01-01 josep-borrell
foreign_minister EU 2021-01-01 josep-borrell
president MNG 2019-01-01 khaltmaagiin-battulga
president MNG 2022-01-01 ukhnaagiin-khurelsukh
president TWN 2018-01-01 tsai-ing-wen
president TWN 2012-01-01 ma-ying-jeou
president TWN 2025-01-01 lai-ching-te
foreign_minister TWN 2020-01-01 joseph-wu
general_secretary VNM 2019-02-27 nguyen-phu-trong
prime_minister VNM 2019-02-27 nguyen-xuan-phuc
prime_minister VNM 2023-01-01 pham-minh-chinh
foreign_minister VNM 2019-02-27 pham-binh-minh
president PHL 2018-01-01 rodrigo-duterte
president PHL 2023-01-01 ferdinand-marcos-jr
president PHL 2013-01-01 benigno-aquino-iii
defence_minister PHL 2024-01-01 gilberto-teodoro
prime_minister SGP 2018-06-12 lee-hsien-loong
prime_minister SGP 2025-01-01 lawrence-wong
foreign_minister SGP 2018-06-12 vivian-balakrishnan
defence_minister SGP 2018-06-12 ng-eng-hen
president UKR 2020-01-01 volodymyr-zelensky
president UKR 2016-01-01 petro-poroshenko
president UKR 2012-01-01 viktor-yanukovych
foreign_minister UKR 2022-03-01 dmytro-kuleba
defence_minister UKR 2022-03-01 oleksii-reznikov
secretary_general UN 2015-01-01 ban-ki-moon
secretary_general UN 2020-01-01 antonio-guterres
secretary_general NATO 2012-01-01 anders-fogh-rasmussen
secretary_general NATO 2020-01-01 jens-stoltenberg
secretary_general NATO 2025-01-01 mark-rutte
director_general IAEA 2015-01-01 yukiya-amano
director_general IAEA 2022-01-01 rafael-grossi
secretary_general ASEAN 2019-01-01 lim-jock-hoi
";

#[test]
fn office_holders_on_dates() {
    let kb = kb();
    let mut checked = 0;
    for line in HOLDERS.lines().filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split_whitespace().collect();
        let (role, country, day, want) = (f[0], f[1], date(f[2]), format!("person:{}", f[3]));
        let got: Vec<&str> = kb
            .holders(role, country, day)
            .iter()
            .map(|p| p.id.as_str())
            .collect();
        assert_eq!(got, [want.as_str()], "{line}");
        let person = kb.person(&want).unwrap_or_else(|| panic!("missing {want}"));
        assert!(
            kb.roles_on(person, day)
                .iter()
                .any(|r| r.has_key(role) && r.country == country),
            "roles_on disagrees: {line}"
        );
        checked += 1;
    }
    assert!(checked >= 150, "only {checked} dated checks");
    let roles: usize = kb.people.iter().map(|p| p.roles.len()).sum();
    assert!(roles >= 300, "only {roles} dated roles");
}

#[test]
fn named_examples_from_the_brief() {
    let kb = kb();
    let name = |role: &str, c: &str, d: &str| -> Vec<String> {
        kb.holders(role, c, date(d))
            .iter()
            .map(|p| p.name.clone())
            .collect()
    };
    assert_eq!(name("prime_minister", "JPN", "2019-06-01"), ["Shinzo Abe"]);
    assert!(kb
        .person("person:shinzo-abe")
        .is_some_and(|p| p.aliases.contains(&"Abe Shinzo".to_string())));
    assert_eq!(name("president", "KOR", "2018-04-27"), ["Moon Jae-in"]);
    assert_eq!(
        name("foreign_minister", "USA", "2018-06-12"),
        ["Mike Pompeo"]
    );
    assert_eq!(name("foreign_minister", "CHN", "2023-08-01"), ["Wang Yi"]);
    assert_eq!(
        name("foreign_minister", "state:chn", "2023-08-01"),
        ["Wang Yi"]
    );
    assert_eq!(
        name("secretary_general", "org:nato", "2020-01-01"),
        ["Jens Stoltenberg"]
    );
    assert!(name("foreign_minister", "XXX", "2020-01-01").is_empty());
}

#[test]
fn roles_on_and_history() {
    let kb = kb();
    let Some(kishida) = kb.person("person:fumio-kishida") else {
        panic!("missing kishida")
    };
    let keys: Vec<&str> = kb
        .roles_on(kishida, date("2022-01-01"))
        .iter()
        .map(|r| r.key.as_str())
        .collect();
    assert_eq!(keys, ["prime_minister"]);
    assert!(kb.roles_on(kishida, date("2005-01-01")).is_empty());
    let abe = kb.history("prime_minister", "JPN");
    let terms: Vec<&str> = abe
        .iter()
        .filter(|(p, _)| p.id == "person:shinzo-abe")
        .map(|(_, r)| r.title.as_str())
        .collect();
    assert_eq!(terms.len(), 2);
    // Handover days belong to both holders.
    let both: Vec<&str> = kb
        .holders("president", "USA", date("2017-01-20"))
        .iter()
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(both, ["person:barack-obama", "person:donald-trump"]);
    // Every role's dates are ordered, and every approximate role is flagged.
    for p in &kb.people {
        for r in &p.roles {
            assert!(r.end.is_none_or(|e| r.start <= e), "{} {}", p.id, r.key);
        }
    }
}

#[test]
fn titles_and_places() {
    let kb = kb();
    let role = |form: &str| {
        kb.titles_for(form)
            .iter()
            .map(|t| t.role.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(role("Exterior Secretary"), ["foreign_minister"]);
    assert_eq!(role("protection minister"), ["defence_minister"]);
    assert_eq!(role("Secretary of State"), ["foreign_minister"]);
    assert_eq!(role("Chief Cabinet Secretary"), ["chief_cabinet_secretary"]);
    let cities = kb
        .places
        .iter()
        .filter(|p| p.kind == entente_kb::PlaceKind::City)
        .count();
    let landmarks = kb.places.len() - cities;
    assert!(cities > 30_000, "{cities} cities");
    assert!(landmarks >= 40, "{landmarks} landmarks");
    let pmj = kb
        .places
        .iter()
        .find(|p| p.name == "Panmunjom")
        .map(|p| (p.country.as_str(), p.lat.round()));
    assert_eq!(pmj, Some(("KOR", 38.0)));
}
