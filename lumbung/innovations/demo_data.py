"""Demo data for Lumbung: Pemerintah Kota Parepare and its 2023 innovation lab.

Pure data, read by the demo loader. It mirrors the mix of the 2023 Laboratorium Inovasi run by Bappeda
with Puslatbang KMP LAN Makassar: 65 participants from 16 SKPD, 2 kecamatan, 2 bagian of the Setdako,
6 kelurahan, 2 puskesmas and 10 UPTD, and the 21 innovations reported for 2023.

The first seven innovations are real Parepare innovations (names and units from news reports); their
narratives add only generic operational detail. Everything else (people, NIPs, phone numbers, invented
innovations, dates, budgets, coordinates) is fictional. The one real person named is the Kepala Bappeda,
by public role only and without a NIP.

Run ``python3 lumbung/innovations/demo_data.py`` to check the data against its constraints.
"""

# Units of Pemerintah Kota Parepare. ``in_lab`` marks the units that took part in the 2023 lab;
# the Sekretariat Daerah is listed only as the parent of its bagian.
UNITS: list[dict] = [
    {
        "key": "bappeda",
        "name": "Badan Perencanaan Pembangunan Daerah Kota Parepare",
        "short_name": "Bappeda",
        "kind": "badan",
        "parent": None,
        "head_name": "Zulkarnaen Nasrun",
        "head_nip": "",
        "in_lab": True,
    },
    {
        "key": "setda",
        "name": "Sekretariat Daerah Kota Parepare",
        "short_name": "Setdako",
        "kind": "sekretariat_daerah",
        "parent": None,
        "head_name": "Drs. H. Abdul Rahman Sappe, M.Si",
        "head_nip": "197506042001031023",
        "in_lab": False,
    },
    {
        "key": "dinkes",
        "name": "Dinas Kesehatan Kota Parepare",
        "short_name": "Dinkes",
        "kind": "dinas",
        "parent": None,
        "head_name": "dr. Hj. Nurhayati Syam, M.Kes",
        "head_nip": "197011121997042011",
        "in_lab": True,
    },
    {
        "key": "dindikbud",
        "name": "Dinas Pendidikan dan Kebudayaan Kota Parepare",
        "short_name": "Dindikbud",
        "kind": "dinas",
        "parent": None,
        "head_name": "Dr. H. Muhammad Yusran Lalo, M.Pd",
        "head_nip": "197106172000041027",
        "in_lab": True,
    },
    {
        "key": "dinas_pupr",
        "name": "Dinas Pekerjaan Umum dan Penataan Ruang Kota Parepare",
        "short_name": "Dinas PUPR",
        "kind": "dinas",
        "parent": None,
        "head_name": "Ir. Andi Mappasessu Tahir, M.T",
        "head_nip": "197512272004011010",
        "in_lab": True,
    },
    {
        "key": "dinas_pkp",
        "name": "Dinas Perumahan dan Kawasan Permukiman Kota Parepare",
        "short_name": "Dinas PKP",
        "kind": "dinas",
        "parent": None,
        "head_name": "Syamsuddin Beddu, S.T., M.Si",
        "head_nip": "197409071999121002",
        "in_lab": True,
    },
    {
        "key": "dinsos",
        "name": "Dinas Sosial Kota Parepare",
        "short_name": "Dinsos",
        "kind": "dinas",
        "parent": None,
        "head_name": "Hj. Sitti Rahmatia Hamzah, S.Sos., M.Si",
        "head_nip": "197704212000032009",
        "in_lab": True,
    },
    {
        "key": "disdukcapil",
        "name": "Dinas Kependudukan dan Pencatatan Sipil Kota Parepare",
        "short_name": "Disdukcapil",
        "kind": "dinas",
        "parent": None,
        "head_name": "Muhammad Ridwan Latif, S.STP., M.Si",
        "head_nip": "198006082006031011",
        "in_lab": True,
    },
    {
        "key": "diskominfo",
        "name": "Dinas Komunikasi dan Informatika Kota Parepare",
        "short_name": "Diskominfo",
        "kind": "dinas",
        "parent": None,
        "head_name": "Irwansyah Pallawa, S.Kom., M.T",
        "head_nip": "196802191995031009",
        "in_lab": True,
    },
    {
        "key": "disdag",
        "name": "Dinas Perdagangan Kota Parepare",
        "short_name": "Disdag",
        "kind": "dinas",
        "parent": None,
        "head_name": "Hj. Andi Nurbaya Mustari, S.E., M.M",
        "head_nip": "197701242001022034",
        "in_lab": True,
    },
    {
        "key": "pertanian",
        "name": "Dinas Pertanian, Kelautan dan Perikanan Kota Parepare",
        "short_name": "DPKP",
        "kind": "dinas",
        "parent": None,
        "head_name": "Ir. Baso Amiruddin Said, M.Si",
        "head_nip": "197104231995011008",
        "in_lab": True,
    },
    {
        "key": "dishub",
        "name": "Dinas Perhubungan Kota Parepare",
        "short_name": "Dishub",
        "kind": "dinas",
        "parent": None,
        "head_name": "Arifuddin Massi, S.Sos., M.AP",
        "head_nip": "197807092002121008",
        "in_lab": True,
    },
    {
        "key": "dlh",
        "name": "Dinas Lingkungan Hidup Kota Parepare",
        "short_name": "DLH",
        "kind": "dinas",
        "parent": None,
        "head_name": "Ir. Hasnawati Rasyid, M.Si",
        "head_nip": "197006061994032009",
        "in_lab": True,
    },
    {
        "key": "dpmptsp",
        "name": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Parepare",
        "short_name": "DPMPTSP",
        "kind": "dinas",
        "parent": None,
        "head_name": "Andi Fahrul Mappiare, S.H., M.H",
        "head_nip": "197703142001031010",
        "in_lab": True,
    },
    {
        "key": "satpol_pp",
        "name": "Satuan Polisi Pamong Praja Kota Parepare",
        "short_name": "Satpol PP",
        "kind": "dinas",
        "parent": None,
        "head_name": "Drs. Hamka Sulaiman, M.Si",
        "head_nip": "196704221996121028",
        "in_lab": True,
    },
    {
        "key": "bkpsdm",
        "name": "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Parepare",
        "short_name": "BKPSDM",
        "kind": "badan",
        "parent": None,
        "head_name": "Dra. Hj. Fatmawati Lanti, M.Si",
        "head_nip": "198009102003042008",
        "in_lab": True,
    },
    {
        "key": "inspektorat",
        "name": "Inspektorat Daerah Kota Parepare",
        "short_name": "Inspektorat",
        "kind": "inspektorat",
        "parent": None,
        "head_name": "Drs. Muh. Kasim Pananrangi, M.M",
        "head_nip": "197012221997021006",
        "in_lab": True,
    },
    {
        "key": "rsud",
        "name": "RSUD Andi Makkasau Kota Parepare",
        "short_name": "RSUD Andi Makkasau",
        "kind": "rsud",
        "parent": None,
        "head_name": "dr. Ahmad Fadli Haris, Sp.PD",
        "head_nip": "197505072003121005",
        "in_lab": True,
    },
    {
        "key": "bagian_organisasi",
        "name": "Bagian Organisasi Sekretariat Daerah Kota Parepare",
        "short_name": "Bag. Organisasi",
        "kind": "bagian",
        "parent": "setda",
        "head_name": "Nurlina Amir, S.Sos., M.AP",
        "head_nip": "196801011997012011",
        "in_lab": True,
    },
    {
        "key": "bagian_pemerintahan",
        "name": "Bagian Pemerintahan Sekretariat Daerah Kota Parepare",
        "short_name": "Bag. Pemerintahan",
        "kind": "bagian",
        "parent": "setda",
        "head_name": "Andi Rusli Pawelloi, S.STP., M.Si",
        "head_nip": "197312282002031001",
        "in_lab": True,
    },
    {
        "key": "kec_bacukiki",
        "name": "Kecamatan Bacukiki",
        "short_name": "Kec. Bacukiki",
        "kind": "kecamatan",
        "parent": None,
        "head_name": "Muhammad Arsyad Tang, S.STP., M.Si",
        "head_nip": "197102151996011006",
        "in_lab": True,
    },
    {
        "key": "kec_soreang",
        "name": "Kecamatan Soreang",
        "short_name": "Kec. Soreang",
        "kind": "kecamatan",
        "parent": None,
        "head_name": "Hj. Rosmiati Daud, S.Sos., M.Si",
        "head_nip": "197905222005032007",
        "in_lab": True,
    },
    {
        "key": "kel_galung_maloang",
        "name": "Kelurahan Galung Maloang",
        "short_name": "Kel. Galung Maloang",
        "kind": "kelurahan",
        "parent": "kec_bacukiki",
        "head_name": "Asrul Djafar, S.Sos",
        "head_nip": "196807241996041012",
        "in_lab": True,
    },
    {
        "key": "kel_lemoe",
        "name": "Kelurahan Lemoe",
        "short_name": "Kel. Lemoe",
        "kind": "kelurahan",
        "parent": "kec_bacukiki",
        "head_name": "Hasmiati Bakri, S.E",
        "head_nip": "197611142001032010",
        "in_lab": True,
    },
    {
        "key": "kel_watang_bacukiki",
        "name": "Kelurahan Watang Bacukiki",
        "short_name": "Kel. Watang Bacukiki",
        "kind": "kelurahan",
        "parent": "kec_bacukiki",
        "head_name": "Ilham Sudirman, S.STP",
        "head_nip": "196611151991041007",
        "in_lab": True,
    },
    {
        "key": "kel_bukit_harapan",
        "name": "Kelurahan Bukit Harapan",
        "short_name": "Kel. Bukit Harapan",
        "kind": "kelurahan",
        "parent": "kec_soreang",
        "head_name": "Rusdiana Patang, S.IP",
        "head_nip": "197010031998122012",
        "in_lab": True,
    },
    {
        "key": "kel_ujung_lare",
        "name": "Kelurahan Ujung Lare",
        "short_name": "Kel. Ujung Lare",
        "kind": "kelurahan",
        "parent": "kec_soreang",
        "head_name": "Andi Syahrir Makkulau, S.STP",
        "head_nip": "196803211994121003",
        "in_lab": True,
    },
    {
        "key": "kel_kampung_pisang",
        "name": "Kelurahan Kampung Pisang",
        "short_name": "Kel. Kampung Pisang",
        "kind": "kelurahan",
        "parent": "kec_soreang",
        "head_name": "Jumriani Sahabu, S.Sos",
        "head_nip": "197207111995012012",
        "in_lab": True,
    },
    {
        "key": "pkm_lakessi",
        "name": "Puskesmas Lakessi",
        "short_name": "PKM Lakessi",
        "kind": "puskesmas",
        "parent": "dinkes",
        "head_name": "drg. Sri Wahyuni Palisuri",
        "head_nip": "197211231999032006",
        "in_lab": True,
    },
    {
        "key": "pkm_lompoe",
        "name": "Puskesmas Lompoe",
        "short_name": "PKM Lompoe",
        "kind": "puskesmas",
        "parent": "dinkes",
        "head_name": "dr. Muhammad Fikri Anwar",
        "head_nip": "197003171995021011",
        "in_lab": True,
    },
    {
        "key": "uptd_pju",
        "name": "UPTD Penerangan Jalan Umum Kota Parepare",
        "short_name": "UPTD PJU",
        "kind": "uptd",
        "parent": "dinas_pupr",
        "head_name": "Ahmad Yani Saleh, S.T",
        "head_nip": "197408232003011012",
        "in_lab": True,
    },
    {
        "key": "uptd_smpn2",
        "name": "UPTD SMP Negeri 2 Parepare",
        "short_name": "SMPN 2 Parepare",
        "kind": "uptd",
        "parent": "dindikbud",
        "head_name": "Dra. Hj. Nursiah Made, M.Pd",
        "head_nip": "197203181999122010",
        "in_lab": True,
    },
    {
        "key": "uptd_smpn5",
        "name": "UPTD SMP Negeri 5 Parepare",
        "short_name": "SMPN 5 Parepare",
        "kind": "uptd",
        "parent": "dindikbud",
        "head_name": "Abdul Haris Tompo, S.Pd., M.Pd",
        "head_nip": "196912281998031006",
        "in_lab": True,
    },
    {
        "key": "uptd_smpn9",
        "name": "UPTD SMP Negeri 9 Parepare",
        "short_name": "SMPN 9 Parepare",
        "kind": "uptd",
        "parent": "dindikbud",
        "head_name": "Kasmawati Ambo, S.Pd., M.Pd",
        "head_nip": "196710031991042004",
        "in_lab": True,
    },
    {
        "key": "uptd_smpn12",
        "name": "UPTD SMP Negeri 12 Parepare",
        "short_name": "SMPN 12 Parepare",
        "kind": "uptd",
        "parent": "dindikbud",
        "head_name": "Syarifuddin Usman, S.Pd",
        "head_nip": "197809222003021007",
        "in_lab": True,
    },
    {
        "key": "uptd_sdn7",
        "name": "UPTD SD Negeri 7 Parepare",
        "short_name": "SDN 7 Parepare",
        "kind": "uptd",
        "parent": "dindikbud",
        "head_name": "Hj. Sumarni Lagu, S.Pd",
        "head_nip": "197408102003032008",
        "in_lab": True,
    },
    {
        "key": "uptd_sdn14",
        "name": "UPTD SD Negeri 14 Parepare",
        "short_name": "SDN 14 Parepare",
        "kind": "uptd",
        "parent": "dindikbud",
        "head_name": "Muhammad Natsir Hadi, S.Pd., M.Pd",
        "head_nip": "197209021999011008",
        "in_lab": True,
    },
    {
        "key": "uptd_sdn33",
        "name": "UPTD SD Negeri 33 Parepare",
        "short_name": "SDN 33 Parepare",
        "kind": "uptd",
        "parent": "dindikbud",
        "head_name": "Rahmawati Sumange, S.Pd",
        "head_nip": "197410061999122013",
        "in_lab": True,
    },
    {
        "key": "uptd_sdn52",
        "name": "UPTD SD Negeri 52 Parepare",
        "short_name": "SDN 52 Parepare",
        "kind": "uptd",
        "parent": "dindikbud",
        "head_name": "Andi Besse Tenri Ola, S.Pd",
        "head_nip": "197308132001012011",
        "in_lab": True,
    },
    {
        "key": "uptd_sdn61",
        "name": "UPTD SD Negeri 61 Parepare",
        "short_name": "SDN 61 Parepare",
        "kind": "uptd",
        "parent": "dindikbud",
        "head_name": "Baharuddin Pasau, S.Pd",
        "head_nip": "197903162007011010",
        "in_lab": True,
    },
]

# The 65 lab participants (all fictional), role ``innovator``.
PEOPLE: list[dict] = [
    {
        "email": "inovator.dinkes@parepare.demo",
        "full_name": "Nur Aisyah Rahman, S.KM., M.Kes",
        "nip": "198907052012122012",
        "phone": "081115363336",
        "unit": "dinkes",
        "role": "innovator",
    },
    {
        "email": "andi.rahmawati@parepare.demo",
        "full_name": "Andi Rahmawati Saleh, S.Kep., Ns.",
        "nip": "198301122010032010",
        "phone": "082399368870",
        "unit": "dinkes",
        "role": "innovator",
    },
    {
        "email": "ikhsan.djalil@parepare.demo",
        "full_name": "Muhammad Ikhsan Djalil, S.KM",
        "nip": "198409082008041022",
        "phone": "081335262256",
        "unit": "dinkes",
        "role": "innovator",
    },
    {
        "email": "sitti.hajrah@parepare.demo",
        "full_name": "Sitti Hajrah Mallombasi, S.Pd., M.Pd",
        "nip": "199009262017022004",
        "phone": "085372452016",
        "unit": "dindikbud",
        "role": "innovator",
    },
    {
        "email": "rahmat.tjoddo@parepare.demo",
        "full_name": "Rahmat Hidayat Tjoddo, S.Pd",
        "nip": "197601042004031003",
        "phone": "081307303203",
        "unit": "dindikbud",
        "role": "innovator",
    },
    {
        "email": "fitri.ramadhani@parepare.demo",
        "full_name": "Fitri Ramadhani, S.Pd",
        "nip": "",
        "phone": "085333738271",
        "unit": "dindikbud",
        "role": "innovator",
    },
    {
        "email": "irfan.sahide@parepare.demo",
        "full_name": "Irfan Maulana Sahide, S.T",
        "nip": "197707132002021012",
        "phone": "081397301803",
        "unit": "dinas_pupr",
        "role": "innovator",
    },
    {
        "email": "nurul.hikmah@parepare.demo",
        "full_name": "Nurul Hikmah Arsyad, S.T., M.T",
        "nip": "199007082016042007",
        "phone": "087803156196",
        "unit": "dinas_pupr",
        "role": "innovator",
    },
    {
        "email": "reza.pratama@parepare.demo",
        "full_name": "Reza Pratama Lamba, S.T",
        "nip": "198208182009021012",
        "phone": "085796335973",
        "unit": "dinas_pupr",
        "role": "innovator",
    },
    {
        "email": "darmawati.lasa@parepare.demo",
        "full_name": "Darmawati Lasa, S.T",
        "nip": "199203202016022025",
        "phone": "081168215095",
        "unit": "dinas_pkp",
        "role": "innovator",
    },
    {
        "email": "yusuf.bakri@parepare.demo",
        "full_name": "Muhammad Yusuf Bakri, S.Kom",
        "nip": "197812242005031023",
        "phone": "082254816317",
        "unit": "dinas_pkp",
        "role": "innovator",
    },
    {
        "email": "hasnah.tajuddin@parepare.demo",
        "full_name": "Hasnah Tajuddin, S.Sos",
        "nip": "197802112002122012",
        "phone": "081327101364",
        "unit": "dinsos",
        "role": "innovator",
    },
    {
        "email": "ardiansyah.pakki@parepare.demo",
        "full_name": "Ardiansyah Pakki, S.ST",
        "nip": "197601182003011007",
        "phone": "082232455049",
        "unit": "dinsos",
        "role": "innovator",
    },
    {
        "email": "rini.puspitasari@parepare.demo",
        "full_name": "Rini Puspitasari Umar, S.Kom",
        "nip": "197603072000022001",
        "phone": "087858808829",
        "unit": "disdukcapil",
        "role": "innovator",
    },
    {
        "email": "firman.rasak@parepare.demo",
        "full_name": "Firman Syah Rasak, S.STP",
        "nip": "197805272003121007",
        "phone": "085285444928",
        "unit": "disdukcapil",
        "role": "innovator",
    },
    {
        "email": "yudi.prasetyo@parepare.demo",
        "full_name": "Yudi Prasetyo Wijaya, S.Kom",
        "nip": "198807172015121008",
        "phone": "085356241238",
        "unit": "diskominfo",
        "role": "innovator",
    },
    {
        "email": "ayu.lestari@parepare.demo",
        "full_name": "Ayu Lestari Mangngi, S.I.Kom",
        "nip": "",
        "phone": "089543875110",
        "unit": "diskominfo",
        "role": "innovator",
    },
    {
        "email": "harmila.jufri@parepare.demo",
        "full_name": "Harmila Jufri, S.E",
        "nip": "199501192022012002",
        "phone": "085337099787",
        "unit": "disdag",
        "role": "innovator",
    },
    {
        "email": "sudirman.lolo@parepare.demo",
        "full_name": "Sudirman Lolo, S.E",
        "nip": "198106212004041003",
        "phone": "081397908408",
        "unit": "disdag",
        "role": "innovator",
    },
    {
        "email": "nurfadillah.amin@parepare.demo",
        "full_name": "Nurfadillah Amin, S.Tr.Ak",
        "nip": "198802112017022006",
        "phone": "085686774224",
        "unit": "disdag",
        "role": "innovator",
    },
    {
        "email": "besse.arniati@parepare.demo",
        "full_name": "Besse Arniati, S.Pi",
        "nip": "199510092020122003",
        "phone": "082212214739",
        "unit": "pertanian",
        "role": "innovator",
    },
    {
        "email": "ramli.tompo@parepare.demo",
        "full_name": "Ramli Tompo, S.P",
        "nip": "198408172007041006",
        "phone": "085224989256",
        "unit": "pertanian",
        "role": "innovator",
    },
    {
        "email": "herlina.paturusi@parepare.demo",
        "full_name": "Herlina Paturusi, S.Pi., M.Si",
        "nip": "199001242018012009",
        "phone": "089530598723",
        "unit": "pertanian",
        "role": "innovator",
    },
    {
        "email": "syahrul.hatta@parepare.demo",
        "full_name": "Syahrul Gunawan Hatta, S.SiT",
        "nip": "199410232020021021",
        "phone": "082202769068",
        "unit": "dishub",
        "role": "innovator",
    },
    {
        "email": "marlina.mansyur@parepare.demo",
        "full_name": "Marlina Mansyur, S.AP",
        "nip": "197907262002022010",
        "phone": "087861359290",
        "unit": "dishub",
        "role": "innovator",
    },
    {
        "email": "zulkifli.parenrengi@parepare.demo",
        "full_name": "Andi Zulkifli Parenrengi, S.Si",
        "nip": "198502212013121004",
        "phone": "081217404325",
        "unit": "dlh",
        "role": "innovator",
    },
    {
        "email": "wahyuni.kadir@parepare.demo",
        "full_name": "Wahyuni Kadir, S.T",
        "nip": "199512042022032007",
        "phone": "085334893653",
        "unit": "dlh",
        "role": "innovator",
    },
    {
        "email": "fauzan.arief@parepare.demo",
        "full_name": "Muhammad Fauzan Arief, S.H",
        "nip": "198002222008021035",
        "phone": "082351318818",
        "unit": "dpmptsp",
        "role": "innovator",
    },
    {
        "email": "riska.amalia@parepare.demo",
        "full_name": "Riska Amalia Nompo, S.E",
        "nip": "199201022018042031",
        "phone": "082397228138",
        "unit": "dpmptsp",
        "role": "innovator",
    },
    {
        "email": "jamaluddin.sese@parepare.demo",
        "full_name": "Jamaluddin Sese, S.Sos",
        "nip": "198406192007021012",
        "phone": "081265698642",
        "unit": "satpol_pp",
        "role": "innovator",
    },
    {
        "email": "kartini.hamid@parepare.demo",
        "full_name": "Kartini Hamid, S.H",
        "nip": "198608012012122006",
        "phone": "089570057318",
        "unit": "satpol_pp",
        "role": "innovator",
    },
    {
        "email": "nasrullah.idris@parepare.demo",
        "full_name": "Nasrullah Idris, S.IP",
        "nip": "198103172007011007",
        "phone": "087891960102",
        "unit": "bkpsdm",
        "role": "innovator",
    },
    {
        "email": "andi.nurhalisa@parepare.demo",
        "full_name": "Andi Nurhalisa Batari, S.Psi",
        "nip": "199211232017122039",
        "phone": "085393949837",
        "unit": "bkpsdm",
        "role": "innovator",
    },
    {
        "email": "hendra.kurniawan@parepare.demo",
        "full_name": "Hendra Kurniawan Said, S.E., Ak",
        "nip": "198103152010011028",
        "phone": "082143116151",
        "unit": "inspektorat",
        "role": "innovator",
    },
    {
        "email": "suriani.mattola@parepare.demo",
        "full_name": "Suriani Mattola, S.E",
        "nip": "198503172011122001",
        "phone": "082139475910",
        "unit": "inspektorat",
        "role": "innovator",
    },
    {
        "email": "asriani.madjid@parepare.demo",
        "full_name": "Asriani Madjid, S.Kep., Ns.",
        "nip": "198409262008122009",
        "phone": "081112446787",
        "unit": "rsud",
        "role": "innovator",
    },
    {
        "email": "fachrul.lamada@parepare.demo",
        "full_name": "dr. Fachrul Rozi Lamada",
        "nip": "197803092005011015",
        "phone": "085260485168",
        "unit": "rsud",
        "role": "innovator",
    },
    {
        "email": "nurhidayah.sultan@parepare.demo",
        "full_name": "Nurhidayah Sultan, A.Md.Kep",
        "nip": "198906032018122007",
        "phone": "085754891501",
        "unit": "rsud",
        "role": "innovator",
    },
    {
        "email": "indah.permatasari@parepare.demo",
        "full_name": "Indah Permatasari Rauf, S.AP",
        "nip": "198412232007012005",
        "phone": "089550981844",
        "unit": "bagian_organisasi",
        "role": "innovator",
    },
    {
        "email": "alif.mahmud@parepare.demo",
        "full_name": "Muhammad Alif Mahmud, S.STP",
        "nip": "198803032014121006",
        "phone": "082321510001",
        "unit": "bagian_pemerintahan",
        "role": "innovator",
    },
    {
        "email": "syamsiah.abbas@parepare.demo",
        "full_name": "Syamsiah Abbas, S.Sos",
        "nip": "198712222012122010",
        "phone": "085243269888",
        "unit": "kec_bacukiki",
        "role": "innovator",
    },
    {
        "email": "rizal.pallawagau@parepare.demo",
        "full_name": "Rizal Pallawagau, S.IP",
        "nip": "199502062018021003",
        "phone": "089539057213",
        "unit": "kec_bacukiki",
        "role": "innovator",
    },
    {
        "email": "andi.muliana@parepare.demo",
        "full_name": "Andi Muliana Tenri, S.Sos",
        "nip": "198301232010122006",
        "phone": "081104113353",
        "unit": "kec_soreang",
        "role": "innovator",
    },
    {
        "email": "hasbullah.nawir@parepare.demo",
        "full_name": "Hasbullah Nawir, S.STP",
        "nip": "198103202008121011",
        "phone": "085760638389",
        "unit": "kec_soreang",
        "role": "innovator",
    },
    {
        "email": "abdul.wahab@parepare.demo",
        "full_name": "Abdul Wahab Tuwo, S.Sos",
        "nip": "197912042003121012",
        "phone": "085295056557",
        "unit": "kel_galung_maloang",
        "role": "innovator",
    },
    {
        "email": "sitti.aminah@parepare.demo",
        "full_name": "Sitti Aminah Ladjang, S.E",
        "nip": "197704032005122010",
        "phone": "081137870574",
        "unit": "kel_lemoe",
        "role": "innovator",
    },
    {
        "email": "rudi.setiawan@parepare.demo",
        "full_name": "Rudi Setiawan Lamanna, S.IP",
        "nip": "198210132009041040",
        "phone": "082203524571",
        "unit": "kel_watang_bacukiki",
        "role": "innovator",
    },
    {
        "email": "nurmalasari.halim@parepare.demo",
        "full_name": "Nurmalasari Halim, S.Sos",
        "nip": "198510232014122002",
        "phone": "081111369016",
        "unit": "kel_bukit_harapan",
        "role": "innovator",
    },
    {
        "email": "ahmad.syukri@parepare.demo",
        "full_name": "Ahmad Syukri Makmur, S.STP",
        "nip": "198405072008121007",
        "phone": "082222417049",
        "unit": "kel_ujung_lare",
        "role": "innovator",
    },
    {
        "email": "eka.wulandari@parepare.demo",
        "full_name": "Eka Putri Wulandari, S.AP",
        "nip": "199205022017042001",
        "phone": "085241618899",
        "unit": "kel_kampung_pisang",
        "role": "innovator",
    },
    {
        "email": "hartati.samad@parepare.demo",
        "full_name": "Hartati Samad, S.Kep., Ns.",
        "nip": "199502062022022009",
        "phone": "085651378777",
        "unit": "pkm_lakessi",
        "role": "innovator",
    },
    {
        "email": "mardiana.lukman@parepare.demo",
        "full_name": "Mardiana Lukman, A.Md.Gz",
        "nip": "198411162013122033",
        "phone": "085239018674",
        "unit": "pkm_lakessi",
        "role": "innovator",
    },
    {
        "email": "arham.iskandar@parepare.demo",
        "full_name": "dr. Arham Nur Iskandar",
        "nip": "198707262011031004",
        "phone": "085217384979",
        "unit": "pkm_lompoe",
        "role": "innovator",
    },
    {
        "email": "satriani.rustam@parepare.demo",
        "full_name": "Satriani Rustam, S.KM",
        "nip": "",
        "phone": "085668394070",
        "unit": "pkm_lompoe",
        "role": "innovator",
    },
    {
        "email": "mustamin.lagong@parepare.demo",
        "full_name": "Mustamin Lagong, A.Md",
        "nip": "199508132021031005",
        "phone": "089536889551",
        "unit": "uptd_pju",
        "role": "innovator",
    },
    {
        "email": "fadli.basri@parepare.demo",
        "full_name": "Rahmat Fadli Basri, S.Kom",
        "nip": "197601122002031016",
        "phone": "089591659269",
        "unit": "uptd_pju",
        "role": "innovator",
    },
    {
        "email": "andi.nurhaeda@parepare.demo",
        "full_name": "Andi Nurhaeda Patongai, S.Pd., M.Pd",
        "nip": "199407092022012007",
        "phone": "085307018634",
        "unit": "uptd_smpn2",
        "role": "innovator",
    },
    {
        "email": "akram.pabbicara@parepare.demo",
        "full_name": "Muhammad Akram Pabbicara, S.Pd",
        "nip": "199111262014011010",
        "phone": "081300956381",
        "unit": "uptd_smpn5",
        "role": "innovator",
    },
    {
        "email": "nurjannah.sewang@parepare.demo",
        "full_name": "Nurjannah Sewang, S.Pd",
        "nip": "199311272016012029",
        "phone": "081210878364",
        "unit": "uptd_smpn9",
        "role": "innovator",
    },
    {
        "email": "zainal.lamatta@parepare.demo",
        "full_name": "Zainal Abidin Lamatta, S.Pd",
        "nip": "199107182019041002",
        "phone": "085609998310",
        "unit": "uptd_smpn12",
        "role": "innovator",
    },
    {
        "email": "hasriani.toaha@parepare.demo",
        "full_name": "Hasriani Toaha, S.Pd",
        "nip": "198002192003042002",
        "phone": "082234749071",
        "unit": "uptd_sdn7",
        "role": "innovator",
    },
    {
        "email": "nurafni.sabir@parepare.demo",
        "full_name": "Nur Afni Sabir, S.Pd",
        "nip": "198804142012122006",
        "phone": "081209776559",
        "unit": "uptd_sdn14",
        "role": "innovator",
    },
    {
        "email": "ismail.pattiroi@parepare.demo",
        "full_name": "Ismail Pattiroi, S.Pd",
        "nip": "197710032003031012",
        "phone": "085280025016",
        "unit": "uptd_sdn33",
        "role": "innovator",
    },
    {
        "email": "hardianti.mappeasse@parepare.demo",
        "full_name": "Hardianti Mappeasse, S.Pd",
        "nip": "",
        "phone": "089537129759",
        "unit": "uptd_sdn52",
        "role": "innovator",
    },
    {
        "email": "wahyudi.sompa@parepare.demo",
        "full_name": "Andi Wahyudi Sompa, S.Pd",
        "nip": "198301152010011029",
        "phone": "082310886599",
        "unit": "uptd_sdn61",
        "role": "innovator",
    },
]

# Fixed demo accounts, not counted among the 65 participants (all fictional).
FIXED_ACCOUNTS: list[dict] = [
    {
        "email": "admin@parepare.demo",
        "full_name": "Muhammad Rizky Alamsyah, S.Kom",
        "nip": "197608092004021008",
        "phone": "082207342147",
        "unit": "bappeda",
        "role": "admin",
    },
    {
        "email": "verifikator@parepare.demo",
        "full_name": "Hj. St. Nurbaya Ramli, S.E., M.Si",
        "nip": "197002111994042012",
        "phone": "081136936546",
        "unit": "bappeda",
        "role": "verifier",
    },
    {
        "email": "pimpinan@parepare.demo",
        "full_name": "H. Andi Lukman Batara, S.H., M.Si",
        "nip": "197107191994021003",
        "phone": "081277771475",
        "unit": None,
        "role": "leader",
    },
    {
        "email": "coach@parepare.demo",
        "full_name": "Dr. Indra Gunawan Sikki, S.Sos., M.Si",
        "nip": "197812072001021012",
        "phone": "081333389516",
        "unit": None,
        "role": "coach",
    },
    {
        "email": "juri@parepare.demo",
        "full_name": "Prof. Dr. Hj. Ratnawati Sappaile, M.Si",
        "nip": "",
        "phone": "085659071045",
        "unit": None,
        "role": "jury",
    },
]

# The 21 innovations of 2023. The first seven are real Parepare innovations, also reported in 2022.
INNOVATIONS: list[dict] = [
    {
        "name": "Eksistensi Call Centre 112 (Pelayanan Kesehatan Gratis Terintegrasi)",
        "unit": "dinkes",
        "tahapan": "penerapan",
        "inisiator": "opd",
        "inisiator_name": "Dinas Kesehatan Kota Parepare",
        "jenis": "digital",
        "bentuk": "pelayanan_publik",
        "tematik": "non_tematik",
        "urusan_utama": "Kesehatan",
        "urusan_irisan": ["Komunikasi dan Informatika"],
        "trial_date": "2016-05-02",
        "implementation_date": "2017-01-09",
        "rancang_bangun": (
            "Sebelum layanan ini hadir, warga Kota Parepare yang mengalami kondisi gawat darurat atau "
            "membutuhkan pertolongan kesehatan harus mencari sendiri sarana transportasi menuju "
            "fasilitas kesehatan. Banyak keluarga tidak mengetahui nomor yang dapat dihubungi, ambulans "
            "tersebar di beberapa instansi tanpa koordinasi, dan pasien sering tiba di rumah sakit tanpa "
            "informasi awal sehingga penanganan tertunda. Warga kurang mampu juga kerap ragu mencari "
            "pertolongan karena khawatir akan biaya yang harus ditanggung.\n\n"
            "Inovasi Eksistensi Call Centre 112 menyatukan permintaan pertolongan kesehatan ke dalam "
            "satu nomor yang mudah diingat dan dapat dihubungi tanpa pulsa. Jika sebelumnya setiap "
            "permintaan ditangani sendiri-sendiri oleh puskesmas, rumah sakit, atau pemilik ambulans, "
            "kini operator di pusat panggilan menerima laporan, menilai tingkat kegawatan, lalu "
            "menggerakkan tim dan ambulans terdekat. Layanan yang diberikan melalui jalur ini "
            "terintegrasi dengan program pelayanan kesehatan gratis bagi warga sehingga warga tidak lagi "
            "dibebani biaya saat meminta pertolongan pertama dan rujukan.\n\n"
            "Cara kerjanya sebagai berikut. Warga menghubungi nomor 112 dan menyampaikan keluhan serta "
            "lokasi. Operator mencatat data pelapor, memandu pertolongan pertama melalui telepon bila "
            "diperlukan, dan meneruskan permintaan kepada petugas siaga. Tim medis berangkat dengan "
            "ambulans, melakukan stabilisasi di lokasi, kemudian membawa pasien ke puskesmas atau RSUD "
            "Andi Makkasau sesuai kondisinya. Fasilitas tujuan diberi tahu lebih dahulu agar siap "
            "menerima pasien, dan setiap panggilan dicatat dalam register layanan.\n\n"
            "Pelaksanaan dimulai dengan penyusunan standar operasional prosedur, pelatihan operator dan "
            "tenaga kesehatan, penyiapan ruang kendali serta armada ambulans, lalu uji coba terbatas "
            "sebelum layanan dibuka penuh selama 24 jam. Evaluasi dilakukan setiap bulan berdasarkan "
            "rekap panggilan, waktu tanggap, ketersediaan armada, dan keluhan warga. Hasil evaluasi "
            "menjadi dasar penyesuaian jadwal piket dan penempatan ambulans.\n\n"
            "Dinas Kesehatan bertindak sebagai pengelola dan bekerja sama dengan puskesmas, RSUD Andi "
            "Makkasau, Diskominfo yang mendukung jaringan komunikasi, serta kecamatan dan kelurahan yang "
            "membantu sosialisasi nomor layanan kepada warga. Inovasi ini masuk Top 40 kompetisi inovasi "
            "tingkat nasional tahun 2018 dan terus dipertahankan sebagai layanan dasar kesehatan Kota "
            "Parepare.\n\n"
            "Keberlanjutan layanan dijaga dengan memasukkan biaya operasional pusat panggilan, perawatan "
            "ambulans, dan honor petugas piket ke dalam anggaran rutin Dinas Kesehatan. Operator baru "
            "mendapat pembekalan sebelum bertugas, dan simulasi penanganan panggilan dilakukan secara "
            "berkala agar mutu layanan tetap terjaga ketika terjadi pergantian petugas."
        ),
        "tujuan": (
            "Menyediakan satu pintu permintaan pertolongan kesehatan yang cepat dan mudah dijangkau oleh "
            "seluruh warga Kota Parepare. Memastikan warga memperoleh penanganan awal dan rujukan tanpa "
            "terbebani biaya."
        ),
        "manfaat": (
            "Warga cukup mengingat satu nomor untuk memperoleh ambulans dan tenaga kesehatan. Fasilitas "
            "kesehatan menerima informasi awal sehingga lebih siap menangani pasien. Pemerintah kota "
            "memperoleh data panggilan sebagai bahan perencanaan layanan kesehatan."
        ),
        "hasil": (
            "Layanan berjalan 24 jam dengan petugas siaga dan armada ambulans yang terkoordinasi. "
            "Inovasi ini masuk Top 40 kompetisi inovasi tingkat nasional tahun 2018 dan tetap dilaporkan "
            "sebagai inovasi daerah hingga kini."
        ),
        "latitude": -4.0147,
        "longitude": 119.6262,
        "budget": 325_000_000,
        "status": "terkirim",
        "year": 2023,
        "previous_years": [2022],
        "developed_since": (
            "Sejak pelaporan tahun 2022, alur rujukan dari Call Centre 112 ke puskesmas dan RSUD "
            "diperbarui. Pencatatan panggilan kini memakai formulir elektronik bersama sehingga rekap "
            "bulanan tidak lagi disusun manual."
        ),
        "revision_notes": {},
        "team": ["inovator.dinkes@parepare.demo", "ikhsan.djalil@parepare.demo"],
        "video_url": "https://video.parepare.demo/inovasi/call-centre-112",
    },
    {
        "name": "Lancar HD (Layanan Antar Jemput Pasien Hemodialisa)",
        "unit": "rsud",
        "tahapan": "penerapan",
        "inisiator": "opd",
        "inisiator_name": "RSUD Andi Makkasau Kota Parepare",
        "jenis": "non_digital",
        "bentuk": "pelayanan_publik",
        "tematik": "non_tematik",
        "urusan_utama": "Kesehatan",
        "urusan_irisan": ["Sosial"],
        "trial_date": "2021-02-01",
        "implementation_date": "2021-07-01",
        "rancang_bangun": (
            "Pasien gagal ginjal kronik yang menjalani cuci darah di RSUD Andi Makkasau umumnya harus "
            "datang dua kali seminggu sesuai jadwal yang tetap. Sebagian besar pasien berusia lanjut, "
            "lemah setelah tindakan, dan tidak memiliki kendaraan sendiri. Keluarga yang bekerja tidak "
            "selalu dapat mengantar, sementara ongkos kendaraan sewaan untuk perjalanan pulang pergi "
            "menjadi beban tambahan bagi rumah tangga yang sudah menanggung biaya hidup pasien penyakit "
            "kronis. Akibatnya, ada pasien yang datang terlambat, menunda jadwal, atau pulang sendiri "
            "dalam kondisi yang belum stabil.\n\n"
            "Lancar HD (Layanan Antar Jemput Pasien Hemodialisa) mengubah cara pasien mencapai layanan. "
            "Sebelum inovasi, urusan transportasi sepenuhnya menjadi tanggung jawab pasien dan keluarga. "
            "Setelah inovasi, rumah sakit menjemput pasien dari rumah, mengantarnya ke unit hemodialisa, "
            "dan mengantarnya kembali setelah tindakan selesai, dengan jadwal yang disesuaikan dengan "
            "jadwal cuci darah masing-masing pasien.\n\n"
            "Cara kerjanya sederhana. Pasien yang memenuhi kriteria, terutama lansia, penyandang "
            "disabilitas, dan pasien yang tidak memiliki pendamping, didaftarkan oleh perawat unit "
            "hemodialisa. Petugas mencatat alamat, nomor telepon keluarga, dan jadwal tindakan, kemudian "
            "menyusun rute penjemputan agar beberapa pasien yang tinggal berdekatan dapat dijemput dalam "
            "satu perjalanan. Sehari sebelum jadwal, petugas menghubungi keluarga untuk memastikan "
            "pasien siap. Kendaraan berangkat dengan pengemudi dan seorang pendamping yang memahami "
            "kondisi pasien, lalu mengantar pasien pulang setelah perawat menyatakan kondisinya layak.\n\n"
            "Pelaksanaan dimulai dengan pendataan seluruh pasien hemodialisa rutin dan kebutuhan "
            "transportasinya, penyiapan kendaraan dan pengemudi, penyusunan standar operasional "
            "prosedur, serta uji coba pada beberapa rute sebelum layanan diberlakukan untuk semua pasien "
            "yang memenuhi kriteria. Evaluasi dilakukan setiap bulan terhadap ketepatan waktu "
            "penjemputan, kehadiran pasien sesuai jadwal, dan masukan keluarga.\n\n"
            "Pihak yang terlibat adalah manajemen RSUD Andi Makkasau, unit hemodialisa, instalasi "
            "ambulans dan kendaraan, serta keluarga pasien. Lurah dan ketua RT membantu memastikan "
            "alamat pasien dan akses jalan menuju rumah, terutama di lorong yang sempit. Layanan ini "
            "diberikan tanpa memungut biaya tambahan dari pasien.\n\n"
            "Agar layanan berkelanjutan, biaya bahan bakar, perawatan kendaraan, dan honor pengemudi "
            "dimasukkan ke dalam anggaran operasional rumah sakit. Prosedur antar jemput ditetapkan oleh "
            "direktur sehingga tidak bergantung pada petugas tertentu. Pola layanan ini juga dapat "
            "ditiru oleh rumah sakit lain yang melayani pasien penyakit kronis dengan jadwal kunjungan "
            "tetap, misalnya pasien kemoterapi atau fisioterapi."
        ),
        "tujuan": (
            "Menjamin pasien hemodialisa dapat menjalani cuci darah tepat jadwal tanpa terkendala "
            "transportasi. Meringankan beban keluarga pasien penyakit kronis."
        ),
        "manfaat": (
            "Pasien tiba tepat waktu dan pulang dalam pendampingan petugas. Keluarga tidak perlu "
            "meninggalkan pekerjaan atau mengeluarkan ongkos kendaraan untuk setiap jadwal cuci darah."
        ),
        "hasil": (
            "Layanan antar jemput berjalan rutin mengikuti jadwal unit hemodialisa. Keterlambatan dan "
            "penundaan jadwal cuci darah akibat kendala transportasi berkurang, dan keluarga pasien "
            "menyampaikan tanggapan positif dalam evaluasi bulanan."
        ),
        "latitude": -4.0098,
        "longitude": 119.6289,
        "budget": 185_000_000,
        "status": "terkirim",
        "year": 2023,
        "previous_years": [2022],
        "developed_since": (
            "Sejak tahun 2022 rute penjemputan disusun mengikuti jadwal tindakan di unit hemodialisa. "
            "Keluarga pasien kini menerima konfirmasi jadwal melalui pesan singkat sehari sebelumnya."
        ),
        "revision_notes": {},
        "team": [
            "asriani.madjid@parepare.demo",
            "fachrul.lamada@parepare.demo",
            "nurhidayah.sultan@parepare.demo",
        ],
        "video_url": "",
    },
    {
        "name": "Juragan KonCer (Jujur Timbanganku untuk Konsumen Cerdas)",
        "unit": "disdag",
        "tahapan": "penerapan",
        "inisiator": "asn",
        "inisiator_name": "Harmila Jufri, S.E",
        "jenis": "non_digital",
        "bentuk": "pelayanan_publik",
        "tematik": "non_tematik",
        "urusan_utama": "Perdagangan",
        "urusan_irisan": ["Koperasi, Usaha Kecil, dan Menengah"],
        "trial_date": "2020-09-01",
        "implementation_date": "2021-03-15",
        "rancang_bangun": (
            "Di pasar tradisional Kota Parepare, transaksi bahan pangan seperti ikan, beras, gula, dan "
            "sayuran sebagian besar masih menggunakan timbangan manual milik pedagang. Banyak timbangan "
            "sudah lama tidak ditera ulang sehingga hasil penimbangannya bergeser, baik disengaja maupun "
            "tidak. Konsumen jarang menyadari kekurangan takaran dan tidak tahu ke mana harus mengadu, "
            "sementara pedagang yang jujur ikut dirugikan karena kepercayaan pembeli terhadap pasar "
            "menurun.\n\n"
            "Juragan KonCer (Jujur Timbanganku untuk Konsumen Cerdas) mengubah pengawasan timbangan dari "
            "kegiatan tera ulang yang bersifat administratif menjadi gerakan bersama antara pemerintah, "
            "pedagang, dan konsumen. Sebelumnya, pemeriksaan timbangan hanya dilakukan pada jadwal "
            "tertentu dan hasilnya tidak terlihat oleh pembeli. Sesudah inovasi, setiap pasar memiliki "
            "pos ukur ulang tempat konsumen dapat menimbang kembali belanjaannya secara mandiri, dan "
            "pedagang yang timbangannya sudah ditera memasang tanda yang mudah dikenali di lapaknya.\n\n"
            "Cara kerjanya sebagai berikut. Petugas metrologi legal Dinas Perdagangan melakukan tera "
            "ulang timbangan pedagang langsung di pasar. Timbangan yang sah diberi tanda tera, sedangkan "
            "timbangan yang rusak diminta diperbaiki atau diganti. Di setiap pos ukur ulang disediakan "
            "timbangan pembanding yang terawat dan petunjuk penggunaannya. Jika konsumen menemukan "
            "selisih, ia dapat melapor kepada pengelola pasar, yang kemudian meneruskannya kepada "
            "petugas untuk pemeriksaan dan pembinaan pedagang yang bersangkutan. Edukasi konsumen "
            "dilakukan melalui spanduk, pengumuman di pasar, dan pertemuan dengan kelompok pedagang.\n\n"
            "Tahapan pelaksanaan meliputi pendataan timbangan pedagang di setiap pasar, sosialisasi "
            "kepada paguyuban pedagang, penempatan pos ukur ulang, tera ulang massal, lalu pemantauan "
            "berkala. Pedagang yang berulang kali kedapatan menggunakan timbangan tidak sesuai diberi "
            "pembinaan lebih dahulu sebelum dikenai tindakan sesuai ketentuan.\n\n"
            "Pihak yang terlibat adalah Dinas Perdagangan sebagai pengelola, petugas metrologi legal, "
            "pengelola dan kepala pasar, paguyuban pedagang, serta konsumen. Kelurahan di sekitar pasar "
            "membantu penyebaran informasi kepada warga, dan media sosial pemerintah kota dimanfaatkan "
            "untuk mengajak konsumen menjadi pembeli yang cerdas dan berani memeriksa takaran.\n\n"
            "Keberlanjutan inovasi dijaga melalui jadwal tera ulang tahunan yang dimasukkan dalam "
            "rencana kerja dinas, perawatan timbangan pembanding secara berkala, dan penunjukan petugas "
            "pasar sebagai penanggung jawab pos ukur ulang. Pola yang sama dapat diterapkan di pusat "
            "perbelanjaan, pasar ikan, dan tempat penjualan bahan bakar eceran yang juga menggunakan "
            "alat ukur."
        ),
        "tujuan": (
            "Memastikan setiap transaksi di pasar tradisional menggunakan timbangan yang sah dan akurat. "
            "Mendorong konsumen aktif memeriksa takaran belanjaannya."
        ),
        "manfaat": (
            "Konsumen memperoleh barang sesuai takaran yang dibayar. Pedagang yang jujur mendapat "
            "pengakuan dan kepercayaan pembeli, dan pasar tradisional menjadi tempat belanja yang lebih "
            "dipercaya."
        ),
        "hasil": (
            "Pos ukur ulang tersedia di pasar tradisional dan dimanfaatkan konsumen untuk menimbang "
            "kembali belanjaannya. Tera ulang timbangan pedagang dilaksanakan langsung di pasar, dan "
            "laporan selisih timbangan ditindaklanjuti melalui pembinaan."
        ),
        "latitude": -4.0126,
        "longitude": 119.6235,
        "budget": 120_000_000,
        "status": "siap_kirim",
        "year": 2023,
        "previous_years": [2022],
        "developed_since": (
            "Sejak tahun 2022 pos ukur ulang ditambah ke pasar yang sebelumnya belum terjangkau. "
            "Pedagang yang timbangannya lolos tera ulang kini mendapat tanda “Timbangan Jujur” untuk "
            "dipasang di lapaknya."
        ),
        "revision_notes": {},
        "team": [
            "harmila.jufri@parepare.demo",
            "sudirman.lolo@parepare.demo",
            "nurfadillah.amin@parepare.demo",
        ],
        "video_url": "https://video.parepare.demo/inovasi/juragan-koncer",
    },
    {
        "name": "Berdaya Srikandi oleh Srikandi",
        "unit": "pertanian",
        "tahapan": "penerapan",
        "inisiator": "asn",
        "inisiator_name": "Besse Arniati, S.Pi",
        "jenis": "non_digital",
        "bentuk": "lainnya",
        "tematik": "penanggulangan_kemiskinan",
        "urusan_utama": "Pertanian",
        "urusan_irisan": ["Kelautan dan Perikanan", "Pemberdayaan Perempuan dan Pelindungan Anak"],
        "trial_date": "2020-06-01",
        "implementation_date": "2021-01-11",
        "rancang_bangun": (
            "Banyak perempuan di Kota Parepare berperan dalam usaha pertanian dan perikanan keluarga, "
            "mulai dari mengolah hasil tangkapan, membuat abon dan kerupuk ikan, hingga menanam sayuran "
            "di pekarangan. Namun peran itu jarang diakui sebagai kegiatan ekonomi. Penyuluhan lebih "
            "sering menyasar kepala keluarga laki-laki, sementara perempuan pelaku usaha kecil kesulitan "
            "mengakses pelatihan, peralatan, dan pasar. Sebagian kelompok perempuan juga segan bertanya "
            "atau menyampaikan kebutuhannya dalam forum yang didominasi laki-laki.\n\n"
            "Berdaya Srikandi oleh Srikandi menjawab masalah ini dengan pendekatan perempuan mendampingi "
            "perempuan. Penyuluh dan petugas perempuan di lingkungan Dinas Pertanian, Kelautan dan "
            "Perikanan menjadi pendamping tetap bagi kelompok wanita tani dan kelompok pengolah hasil "
            "perikanan. Sebelum inovasi, kelompok perempuan hanya sesekali menerima pelatihan yang "
            "seragam. Sesudah inovasi, setiap kelompok memiliki pendamping, rencana usaha sederhana, dan "
            "jadwal pertemuan rutin yang disesuaikan dengan waktu luang para anggotanya.\n\n"
            "Cara kerjanya dimulai dari pemetaan kelompok perempuan dan jenis usaha yang mereka "
            "jalankan. Pendamping bersama kelompok menyusun kebutuhan pelatihan, misalnya pengolahan "
            "hasil yang higienis, pengemasan, perhitungan harga pokok, dan pencatatan keuangan. "
            "Pelatihan dilaksanakan di lingkungan kelompok, bukan di kantor, agar lebih mudah dihadiri. "
            "Kelompok yang telah siap difasilitasi untuk mengikuti pameran, mengurus perizinan usaha, "
            "dan terhubung dengan pembeli.\n\n"
            "Tahapan pelaksanaan meliputi pendataan dan penguatan kelompok, penetapan pendamping, "
            "pelatihan bertahap, pendampingan produksi, fasilitasi pemasaran, dan evaluasi berkala "
            "terhadap perkembangan usaha setiap kelompok. Hasil evaluasi digunakan untuk menentukan "
            "kelompok yang dapat dilepas menjadi mandiri dan kelompok yang masih memerlukan pendampingan "
            "intensif.\n\n"
            "Pihak yang terlibat adalah Dinas Pertanian, Kelautan dan Perikanan sebagai pelaksana, "
            "penyuluh perempuan, kelompok wanita tani, kelompok pengolah dan pemasar hasil perikanan, "
            "kelurahan, serta perangkat daerah yang menangani pemberdayaan perempuan dan usaha mikro. "
            "Inovasi ini masuk Top 45 inovasi tingkat nasional dan menjadi salah satu inovasi unggulan "
            "Kota Parepare di bidang pemberdayaan ekonomi perempuan.\n\n"
            "Keberlanjutan inovasi didukung dengan memasukkan kegiatan pendampingan ke dalam rencana "
            "kerja tahunan dinas dan membentuk forum antarkelompok perempuan yang bertemu secara berkala "
            "untuk saling berbagi pengalaman. Anggota kelompok yang sudah berhasil didorong menjadi "
            "kader pendamping bagi kelompok baru, sehingga pendekatan perempuan mendampingi perempuan "
            "dapat terus berlanjut tanpa sepenuhnya bergantung pada petugas dinas."
        ),
        "tujuan": (
            "Meningkatkan kemandirian ekonomi perempuan pelaku usaha pertanian dan perikanan. Memberikan "
            "pendampingan yang sesuai dengan kebutuhan dan waktu kelompok perempuan."
        ),
        "manfaat": (
            "Kelompok perempuan memperoleh keterampilan mengolah, mengemas, dan memasarkan produk. "
            "Pendapatan rumah tangga bertambah, dan perempuan lebih percaya diri mengambil keputusan "
            "usaha."
        ),
        "hasil": (
            "Kelompok wanita tani dan kelompok pengolah hasil perikanan memiliki pendamping tetap dan "
            "rencana usaha. Inovasi ini masuk Top 45 inovasi tingkat nasional."
        ),
        "latitude": -4.021,
        "longitude": 119.63,
        "budget": 150_000_000,
        "status": "disetujui",
        "year": 2023,
        "previous_years": [2022],
        "developed_since": (
            "Sejak tahun 2022 pendampingan diperluas dari pengolahan hasil ke pemasaran. Kelompok kini "
            "juga didampingi dalam pengemasan produk dan pencatatan keuangan sederhana."
        ),
        "revision_notes": {},
        "team": [
            "besse.arniati@parepare.demo",
            "herlina.paturusi@parepare.demo",
            {"name": "Dr. Nurhikmah Tangko, M.Si", "role": "Dosen mitra, pendamping kewirausahaan"},
        ],
        "video_url": "",
    },
    {
        "name": "Kantong Kreatif Bacukiki",
        "unit": "kec_bacukiki",
        "tahapan": "uji_coba",
        "inisiator": "opd",
        "inisiator_name": "Kecamatan Bacukiki",
        "jenis": "non_digital",
        "bentuk": "lainnya",
        "tematik": "penanggulangan_kemiskinan",
        "urusan_utama": "Pemberdayaan Masyarakat dan Desa",
        "urusan_irisan": ["Kepemudaan dan Olah Raga", "Pariwisata"],
        "trial_date": "2022-08-15",
        "implementation_date": None,
        "rancang_bangun": (
            "Kecamatan Bacukiki memiliki banyak anak muda dan warga yang menekuni kegiatan kreatif, "
            "seperti kerajinan tangan, musik, fotografi, kuliner rumahan, dan konten digital. Kegiatan "
            "itu berjalan sendiri-sendiri tanpa ruang bersama, tanpa pendampingan, dan jarang dikenal di "
            "luar lingkungan tempat tinggal pelakunya. Di sisi lain, pemerintah kecamatan tidak memiliki "
            "data yang memadai tentang potensi kreatif warganya sehingga program pemberdayaan sering "
            "tidak tepat sasaran.\n\n"
            "Kantong Kreatif Bacukiki dirancang sebagai wadah pembinaan komunitas kreatif di tingkat "
            "kecamatan. Pokok perubahannya terletak pada peran kecamatan: sebelumnya kecamatan hanya "
            "meneruskan undangan kegiatan dari perangkat daerah lain, sekarang kecamatan aktif "
            "mengumpulkan, mempertemukan, dan mempromosikan pelaku kreatif di wilayahnya. Ruang "
            "pertemuan di kantor kecamatan dan kelurahan dibuka sebagai tempat berlatih, berdiskusi, dan "
            "memamerkan karya pada jadwal yang disepakati.\n\n"
            "Cara kerjanya diawali dengan pendataan komunitas dan pelaku kreatif melalui kelurahan, RT, "
            "dan karang taruna. Pelaku yang terdata dikelompokkan menurut bidangnya, lalu setiap "
            "kelompok menunjuk penghubung yang berkomunikasi dengan petugas kecamatan. Kecamatan "
            "menyusun agenda bulanan berupa kelas berbagi keterampilan, pertemuan komunitas, dan gelar "
            "karya. Untuk pelatihan yang memerlukan keahlian khusus, kecamatan mengundang narasumber "
            "dari perangkat daerah terkait, pelaku usaha, atau perguruan tinggi. Hasil karya warga "
            "dipromosikan melalui kegiatan kecamatan dan akun media sosial resmi kecamatan.\n\n"
            "Tahapan pelaksanaan terdiri atas pemetaan potensi, pembentukan kelompok dan penghubung, "
            "penyusunan agenda kegiatan, uji coba di kelurahan yang paling siap, kemudian perluasan ke "
            "seluruh kelurahan di Kecamatan Bacukiki. Selama uji coba, kecamatan mencatat kehadiran, "
            "jenis kegiatan yang paling diminati, dan hambatan yang dihadapi kelompok agar model "
            "pembinaan dapat diperbaiki sebelum ditetapkan sebagai program tetap.\n\n"
            "Pihak yang terlibat meliputi camat dan staf kecamatan, lurah se-Kecamatan Bacukiki, karang "
            "taruna, tokoh masyarakat, komunitas kreatif, pelaku usaha mikro, serta perangkat daerah "
            "yang membidangi kepemudaan, pariwisata, dan usaha kecil.\n\n"
            "Selama masa uji coba, kebutuhan anggaran dijaga tetap kecil dengan memanfaatkan ruang milik "
            "pemerintah, peralatan yang dimiliki komunitas, dan narasumber dari kalangan warga sendiri. "
            "Kecamatan menyiapkan usulan agar kegiatan ini masuk ke dalam rencana kerja tahun berikutnya "
            "dan dapat dijadikan contoh bagi kecamatan lain yang memiliki potensi kreatif serupa, "
            "terutama yang memiliki banyak penduduk usia muda."
        ),
        "tujuan": (
            "Menghimpun dan membina komunitas kreatif di Kecamatan Bacukiki dalam satu wadah. Membuka "
            "peluang usaha dan penghasilan bagi warga melalui kegiatan kreatif."
        ),
        "manfaat": (
            "Pelaku kreatif memperoleh ruang berlatih, jejaring, dan promosi karya. Kecamatan memiliki "
            "data potensi kreatif warga sebagai dasar program pemberdayaan."
        ),
        "hasil": (
            "Komunitas kreatif di kelurahan uji coba telah terdata dan memiliki penghubung dengan "
            "kecamatan. Agenda kelas berbagi keterampilan dan gelar karya berjalan secara berkala selama "
            "masa uji coba."
        ),
        "latitude": -4.042,
        "longitude": 119.658,
        "budget": 45_000_000,
        "status": "disetujui",
        "year": 2023,
        "previous_years": [2022],
        "developed_since": (
            "Sejak tahun 2022 kegiatan yang semula berpusat di kantor kecamatan mulai digelar bergiliran "
            "di kelurahan. Kelompok kreatif yang terbentuk kini dicatat dalam satu daftar pembinaan."
        ),
        "revision_notes": {},
        "team": ["syamsiah.abbas@parepare.demo", "rizal.pallawagau@parepare.demo"],
        "video_url": "",
    },
    {
        "name": "Rabies Centre",
        "unit": "dinkes",
        "tahapan": "penerapan",
        "inisiator": "opd",
        "inisiator_name": "Dinas Kesehatan Kota Parepare",
        "jenis": "non_digital",
        "bentuk": "pelayanan_publik",
        "tematik": "non_tematik",
        "urusan_utama": "Kesehatan",
        "urusan_irisan": ["Pertanian"],
        "trial_date": "2019-04-01",
        "implementation_date": "2019-10-01",
        "rancang_bangun": (
            "Kasus gigitan hewan penular rabies, terutama anjing, masih dilaporkan di wilayah Kota "
            "Parepare dan sekitarnya. Rabies hampir selalu berakibat fatal bila gejalanya sudah muncul, "
            "sehingga penanganan luka dan pemberian vaksin anti rabies harus dilakukan sesegera mungkin "
            "setelah gigitan. Sebelum inovasi, warga yang tergigit sering tidak mengetahui fasilitas "
            "mana yang menyediakan vaksin, ada yang menunda berobat, dan informasi tentang hewan "
            "penggigit tidak diteruskan kepada petugas kesehatan hewan sehingga pengamatan terhadap "
            "hewan tersebut tidak dilakukan.\n\n"
            "Rabies Centre adalah layanan penanganan kasus gigitan yang terpadu. Pokok perubahannya "
            "adalah penetapan satu tempat rujukan yang jelas, persediaan vaksin yang terkelola, dan alur "
            "kerja bersama antara petugas kesehatan manusia dan petugas kesehatan hewan. Jika sebelumnya "
            "penanganan berhenti pada pengobatan luka, kini setiap kasus ditindaklanjuti sampai status "
            "hewan penggigit diketahui.\n\n"
            "Cara kerjanya sebagai berikut. Warga yang tergigit datang ke puskesmas atau langsung ke "
            "Rabies Centre. Petugas mencuci luka sesuai prosedur, menilai tingkat risiko, dan memberikan "
            "vaksin anti rabies bila diperlukan, disertai jadwal suntikan lanjutan yang dicatat pada "
            "kartu pasien. Data kasus, termasuk pemilik dan lokasi hewan penggigit, diteruskan kepada "
            "petugas kesehatan hewan untuk pengamatan selama masa observasi. Hasil pengamatan "
            "dikembalikan kepada Rabies Centre untuk menentukan apakah rangkaian vaksinasi pasien perlu "
            "dilanjutkan. Petugas juga menghubungi pasien yang tidak datang pada jadwal suntikan "
            "berikutnya.\n\n"
            "Tahapan pelaksanaan dimulai dengan penetapan lokasi layanan dan petugas, pelatihan tata "
            "laksana kasus gigitan bagi tenaga kesehatan, penyusunan alur rujukan, pengelolaan stok "
            "vaksin, serta sosialisasi kepada masyarakat. Setiap kasus dicatat dalam register yang "
            "dievaluasi secara berkala untuk melihat sebaran kasus dan kepatuhan pasien terhadap jadwal "
            "vaksinasi.\n\n"
            "Pihak yang terlibat adalah Dinas Kesehatan, puskesmas, RSUD Andi Makkasau untuk kasus yang "
            "memerlukan perawatan lanjutan, petugas kesehatan hewan pada perangkat daerah yang "
            "membidangi pertanian, kelurahan, dan pemilik hewan peliharaan. Kelurahan membantu mengajak "
            "warga memvaksinasi hewan peliharaannya dan segera melapor bila terjadi gigitan.\n\n"
            "Keberlanjutan layanan dijamin dengan penetapan petugas Rabies Centre melalui keputusan "
            "kepala dinas, perencanaan kebutuhan vaksin setiap tahun, dan pelatihan penyegaran bagi "
            "tenaga kesehatan di puskesmas. Pola kerja sama antara petugas kesehatan manusia dan petugas "
            "kesehatan hewan ini juga dapat diterapkan untuk penanganan penyakit lain yang menular dari "
            "hewan ke manusia."
        ),
        "tujuan": (
            "Memastikan setiap korban gigitan hewan penular rabies mendapat penanganan luka dan "
            "vaksinasi tepat waktu. Memadukan penanganan kasus pada manusia dengan pengamatan hewan "
            "penggigit."
        ),
        "manfaat": (
            "Warga mengetahui dengan jelas ke mana harus berobat setelah tergigit. Risiko kematian "
            "akibat rabies dapat ditekan, dan petugas kesehatan hewan memperoleh informasi untuk "
            "pengendalian di sumbernya."
        ),
        "hasil": (
            "Kasus gigitan ditangani melalui satu alur rujukan dan tercatat dalam register bersama. "
            "Pasien dipantau hingga rangkaian vaksinasinya selesai, dan hewan penggigit diamati selama "
            "masa observasi."
        ),
        "latitude": -4.0141,
        "longitude": 119.627,
        "budget": 95_000_000,
        "status": "siap_kirim",
        "year": 2023,
        "previous_years": [2022],
        "developed_since": (
            "Sejak tahun 2022 pencatatan kasus gigitan dilakukan dalam satu register bersama antara "
            "Rabies Centre dan petugas kesehatan hewan, sehingga observasi hewan penggigit dapat "
            "dipantau hingga selesai."
        ),
        "revision_notes": {},
        "team": ["andi.rahmawati@parepare.demo", "inovator.dinkes@parepare.demo"],
        "video_url": "",
    },
    {
        "name": "Call Center Dinas PKP",
        "unit": "dinas_pkp",
        "tahapan": "penerapan",
        "inisiator": "opd",
        "inisiator_name": "Dinas Perumahan dan Kawasan Permukiman Kota Parepare",
        "jenis": "digital",
        "bentuk": "pelayanan_publik",
        "tematik": "digitalisasi_layanan",
        "urusan_utama": "Perumahan Rakyat dan Kawasan Permukiman",
        "urusan_irisan": ["Komunikasi dan Informatika"],
        "trial_date": "2021-08-02",
        "implementation_date": "2022-01-03",
        "rancang_bangun": (
            "Dinas Perumahan dan Kawasan Permukiman Kota Parepare menangani berbagai layanan yang "
            "langsung dirasakan warga, seperti bantuan perbaikan rumah tidak layak huni, penanganan "
            "kawasan kumuh, serta perbaikan prasarana lingkungan permukiman berupa jalan lingkungan dan "
            "saluran drainase. Sebelum inovasi, warga yang ingin bertanya atau menyampaikan keluhan "
            "harus datang ke kantor dinas pada jam kerja, atau menitipkan pesan melalui kelurahan. "
            "Banyak pertanyaan berulang tentang syarat bantuan, dan laporan kerusakan prasarana sering "
            "tercecer tanpa catatan tindak lanjut yang jelas.\n\n"
            "Call Center Dinas PKP menyediakan satu nomor layanan yang dapat dihubungi melalui telepon "
            "dan aplikasi pesan. Pokok perubahannya adalah peralihan dari layanan tatap muka yang "
            "terbatas menjadi layanan jarak jauh yang tercatat. Setiap pertanyaan dijawab oleh petugas "
            "yang telah dibekali informasi baku, dan setiap laporan dicatat lalu diteruskan kepada "
            "bidang yang berwenang.\n\n"
            "Cara kerjanya sebagai berikut. Warga menghubungi nomor call center dan menyampaikan "
            "pertanyaan atau laporan beserta lokasi dan, bila ada, foto kondisi di lapangan. Petugas "
            "mencatat laporan, memberikan jawaban untuk pertanyaan umum, dan meneruskan laporan teknis "
            "kepada bidang terkait. Bidang tersebut menjadwalkan peninjauan lapangan dan menyampaikan "
            "hasilnya kepada petugas call center, yang kemudian menginformasikannya kembali kepada "
            "pelapor. Rekap laporan dibahas dalam rapat internal dinas untuk menentukan prioritas "
            "penanganan.\n\n"
            "Tahapan pelaksanaan meliputi penyusunan daftar pertanyaan yang sering diajukan beserta "
            "jawabannya, penetapan petugas dan jam layanan, penyiapan perangkat dan nomor layanan, "
            "sosialisasi melalui kelurahan dan media sosial pemerintah kota, lalu uji coba sebelum "
            "layanan ditetapkan. Evaluasi dilakukan terhadap waktu tanggapan, jenis laporan yang paling "
            "banyak masuk, dan penyelesaian tindak lanjut.\n\n"
            "Pihak yang terlibat adalah sekretariat dan bidang-bidang teknis Dinas PKP, petugas call "
            "center, kelurahan dan ketua RT yang membantu verifikasi lapangan, serta Diskominfo yang "
            "mendukung penyebarluasan informasi. Data dari call center juga menjadi bahan bagi dinas "
            "dalam menyusun usulan kegiatan perbaikan permukiman pada tahun berikutnya.\n\n"
            "Keberlanjutan layanan dijaga dengan menetapkan petugas call center dan jadwal piketnya "
            "dalam keputusan kepala dinas, serta memperbarui daftar jawaban baku setiap kali ada "
            "perubahan ketentuan bantuan. Biaya pulsa, paket data, dan perangkat dimasukkan dalam "
            "anggaran rutin sekretariat, sehingga layanan tetap berjalan meskipun terjadi pergantian "
            "pejabat atau staf."
        ),
        "tujuan": (
            "Memudahkan warga memperoleh informasi dan menyampaikan laporan tentang perumahan dan "
            "permukiman tanpa harus datang ke kantor. Memastikan setiap laporan tercatat dan "
            "ditindaklanjuti."
        ),
        "manfaat": (
            "Warga menghemat waktu dan biaya karena cukup menghubungi satu nomor layanan. Dinas "
            "memperoleh data laporan yang tertata untuk menentukan prioritas perbaikan permukiman."
        ),
        "hasil": (
            "Call center melayani pertanyaan dan laporan warga pada jam layanan yang ditetapkan. Laporan "
            "teknis diteruskan ke bidang terkait dan hasil peninjauan disampaikan kembali kepada "
            "pelapor."
        ),
        "latitude": -4.018,
        "longitude": 119.631,
        "budget": 35_000_000,
        "status": "disetujui",
        "year": 2023,
        "previous_years": [2022],
        "developed_since": (
            "Sejak tahun 2022 setiap laporan yang masuk diberi nomor tiket. Pelapor dapat menanyakan "
            "status tindak lanjut laporannya melalui nomor layanan yang sama."
        ),
        "revision_notes": {},
        "team": ["darmawati.lasa@parepare.demo", "yusuf.bakri@parepare.demo"],
        "video_url": "",
    },
    {
        "name": "SIPAKATAU (Sistem Informasi Pendataan dan Penanganan Kesejahteraan Warga Terpadu)",
        "unit": "dinsos",
        "tahapan": "penerapan",
        "inisiator": "asn",
        "inisiator_name": "Hasnah Tajuddin, S.Sos",
        "jenis": "digital",
        "bentuk": "tata_kelola",
        "tematik": "penanggulangan_kemiskinan",
        "urusan_utama": "Sosial",
        "urusan_irisan": ["Administrasi Kependudukan dan Pencatatan Sipil"],
        "trial_date": "2022-03-01",
        "implementation_date": "2022-09-01",
        "rancang_bangun": (
            "Data warga miskin dan rentan menjadi dasar penyaluran berbagai bantuan sosial. Sebelum "
            "inovasi ini, pemutakhiran data di Kota Parepare berjalan lambat. Usulan warga dicatat di "
            "kelurahan pada lembar kertas atau berkas lembar kerja yang berbeda-beda, dikirim ke Dinas "
            "Sosial secara berkala, lalu diketik ulang. Akibatnya terjadi data ganda, nomor induk "
            "kependudukan yang tidak sesuai, dan warga yang sudah pindah atau meninggal masih tercatat, "
            "sementara keluarga yang baru jatuh miskin menunggu lama untuk masuk daftar.\n\n"
            "SIPAKATAU (Sistem Informasi Pendataan dan Penanganan Kesejahteraan Warga Terpadu) mengambil "
            "nama dari nilai Bugis sipakatau, yaitu saling memanusiakan. Pokok perubahannya adalah "
            "pemindahan seluruh proses usulan, verifikasi, dan pemutakhiran data kesejahteraan sosial ke "
            "satu aplikasi yang digunakan bersama oleh operator kelurahan, pendamping sosial, dan Dinas "
            "Sosial. Data tidak lagi diketik ulang, dan setiap perubahan tercatat: siapa yang "
            "mengusulkan, siapa yang memverifikasi, dan kapan.\n\n"
            "Cara kerjanya sebagai berikut. Operator kelurahan memasukkan usulan keluarga baru atau "
            "perubahan data setelah musyawarah kelurahan. Sistem memeriksa kecocokan nomor induk "
            "kependudukan dengan data kependudukan dan menandai data yang berpotensi ganda. Pendamping "
            "sosial melakukan kunjungan rumah untuk verifikasi, mengisi formulir kondisi keluarga, dan "
            "mengunggah foto rumah. Dinas Sosial menelaah hasil verifikasi, lalu menetapkan data yang "
            "siap diusulkan dalam pemutakhiran data kesejahteraan sosial nasional. Pimpinan dapat "
            "melihat rekap per kelurahan pada dasbor, termasuk jumlah usulan yang belum diverifikasi.\n\n"
            "Tahapan pelaksanaan dimulai dengan penyusunan alur dan formulir, pembangunan aplikasi, "
            "pelatihan operator kelurahan dan pendamping, uji coba di beberapa kelurahan, lalu penerapan "
            "di seluruh kelurahan. Setiap bulan Dinas Sosial mengevaluasi kelengkapan data dan lama "
            "proses verifikasi di tiap kelurahan, kemudian memberikan pendampingan tambahan kepada "
            "kelurahan yang tertinggal.\n\n"
            "Pihak yang terlibat adalah Dinas Sosial sebagai pengelola, operator dan lurah di setiap "
            "kelurahan, pendamping sosial dan tenaga kesejahteraan sosial kecamatan, Disdukcapil yang "
            "mendukung pemadanan data kependudukan, serta Diskominfo yang menyediakan server dan "
            "dukungan keamanan sistem. Warga dapat menanyakan status usulannya melalui kelurahan "
            "masing-masing.\n\n"
            "Keberlanjutan inovasi dijaga dengan menetapkan operator kelurahan melalui keputusan lurah, "
            "menganggarkan biaya pemeliharaan aplikasi setiap tahun, dan menyusun petunjuk penggunaan "
            "yang dapat dipelajari operator baru. Akses ke data pribadi dibatasi sesuai peran pengguna."
        ),
        "tujuan": (
            "Mempercepat dan merapikan pemutakhiran data warga miskin dan rentan. Memastikan bantuan "
            "sosial diterima oleh keluarga yang benar-benar membutuhkan."
        ),
        "manfaat": (
            "Data ganda dan data yang tidak sesuai dapat dikenali lebih awal. Keluarga yang baru jatuh "
            "miskin dapat diusulkan tanpa menunggu lama, dan pimpinan memperoleh gambaran kondisi sosial "
            "per kelurahan."
        ),
        "hasil": (
            "Seluruh kelurahan menggunakan satu aplikasi untuk mengusulkan dan memutakhirkan data. "
            "Proses verifikasi tercatat dan dapat dipantau melalui dasbor, sehingga rekap data tidak "
            "lagi disusun ulang secara manual."
        ),
        "latitude": -4.0165,
        "longitude": 119.6275,
        "budget": 140_000_000,
        "status": "terkirim",
        "year": 2023,
        "previous_years": [],
        "developed_since": "",
        "revision_notes": {},
        "team": ["hasnah.tajuddin@parepare.demo", "ardiansyah.pakki@parepare.demo"],
        "video_url": "",
    },
    {
        "name": "SI-TERANG (Sistem Informasi Terpadu Penerangan Jalan Umum)",
        "unit": "uptd_pju",
        "tahapan": "penerapan",
        "inisiator": "asn",
        "inisiator_name": "Mustamin Lagong, A.Md",
        "jenis": "digital",
        "bentuk": "pelayanan_publik",
        "tematik": "digitalisasi_layanan",
        "urusan_utama": "Pekerjaan Umum dan Penataan Ruang",
        "urusan_irisan": ["Perhubungan"],
        "trial_date": "2022-05-09",
        "implementation_date": "2022-11-01",
        "rancang_bangun": (
            "Lampu penerangan jalan umum sangat menentukan rasa aman warga pada malam hari. Kota "
            "Parepare memiliki banyak titik lampu yang tersebar di jalan utama, jalan lingkungan, dan "
            "kawasan pesisir. Sebelum inovasi, laporan lampu padam disampaikan melalui telepon ke "
            "kantor, pesan pribadi kepada petugas, atau disampaikan lisan oleh ketua RT. Laporan sering "
            "tidak mencantumkan lokasi yang tepat, tidak ada catatan kapan lampu diperbaiki, dan UPTD "
            "PJU kesulitan mengetahui jumlah serta kondisi lampu secara menyeluruh.\n\n"
            "SI-TERANG (Sistem Informasi Terpadu Penerangan Jalan Umum) mengubah pengelolaan penerangan "
            "jalan dari pola menunggu laporan menjadi pola berbasis data. Setiap tiang lampu diberi "
            "nomor dan kode QR yang dapat dipindai warga. Sebelum inovasi, lokasi lampu rusak harus "
            "dicari dengan bertanya ke warga; sesudah inovasi, lokasi, jenis lampu, dan riwayat "
            "perbaikan setiap tiang tersimpan di satu peta digital.\n\n"
            "Cara kerjanya sebagai berikut. Warga yang melihat lampu padam memindai kode pada tiang atau "
            "mengisi formulir singkat dengan menyebutkan nomor tiang. Laporan masuk ke dasbor UPTD PJU "
            "dan otomatis menampilkan titik lokasi pada peta. Koordinator menyusun jadwal perbaikan "
            "harian berdasarkan laporan yang masuk, lalu regu lapangan memperbarui status setelah "
            "pekerjaan selesai, lengkap dengan foto. Pelapor menerima pemberitahuan bahwa laporannya "
            "telah ditindaklanjuti. Data yang terkumpul juga digunakan untuk merencanakan penggantian "
            "lampu lama dengan lampu hemat energi dan mencocokkan jumlah titik lampu dengan tagihan "
            "listrik.\n\n"
            "Tahapan pelaksanaan meliputi pendataan dan penomoran seluruh tiang lampu, pemasangan kode "
            "QR, pembangunan aplikasi dan dasbor, pelatihan regu lapangan, uji coba di dua kecamatan, "
            "dan penerapan di seluruh kota. Evaluasi dilakukan setiap bulan terhadap lama waktu "
            "perbaikan dan sebaran lampu yang paling sering rusak.\n\n"
            "Pihak yang terlibat adalah UPTD PJU sebagai pengelola, Dinas PUPR sebagai perangkat daerah "
            "induk, Diskominfo yang mendukung pengembangan aplikasi dan penyimpanan data, kecamatan dan "
            "kelurahan yang membantu sosialisasi, serta warga sebagai pelapor. Koordinasi dengan "
            "penyedia listrik dilakukan untuk gangguan jaringan yang berada di luar kewenangan UPTD.\n\n"
            "Keberlanjutan inovasi dijaga dengan mewajibkan setiap pemasangan lampu baru langsung "
            "didaftarkan ke dalam sistem, menganggarkan penggantian label yang rusak, dan menjadikan "
            "data SI-TERANG sebagai dasar usulan anggaran pemeliharaan penerangan jalan setiap tahun."
        ),
        "tujuan": (
            "Mempercepat perbaikan lampu penerangan jalan yang padam. Menyediakan data lengkap tentang "
            "lokasi dan kondisi setiap titik lampu di Kota Parepare."
        ),
        "manfaat": (
            "Warga dapat melapor dengan mudah dan mengetahui laporannya ditindaklanjuti. UPTD PJU dapat "
            "menyusun jadwal perbaikan dan rencana penggantian lampu berdasarkan data, bukan perkiraan."
        ),
        "hasil": (
            "Tiang lampu di seluruh kecamatan telah bernomor dan terpetakan. Laporan lampu padam "
            "tercatat lengkap dengan lokasi dan waktu perbaikan, sehingga lama penanganan dapat dipantau "
            "setiap bulan."
        ),
        "latitude": -4.0205,
        "longitude": 119.633,
        "budget": 210_000_000,
        "status": "terkirim",
        "year": 2023,
        "previous_years": [],
        "developed_since": "",
        "revision_notes": {},
        "team": ["mustamin.lagong@parepare.demo", "fadli.basri@parepare.demo"],
        "video_url": "https://video.parepare.demo/inovasi/si-terang",
    },
    {
        "name": "Si-Lancar (Sistem Layanan Adminduk Cepat dan Ramah)",
        "unit": "disdukcapil",
        "tahapan": "penerapan",
        "inisiator": "opd",
        "inisiator_name": "Dinas Kependudukan dan Pencatatan Sipil Kota Parepare",
        "jenis": "digital",
        "bentuk": "pelayanan_publik",
        "tematik": "digitalisasi_layanan",
        "urusan_utama": "Administrasi Kependudukan dan Pencatatan Sipil",
        "urusan_irisan": ["Komunikasi dan Informatika"],
        "trial_date": "2022-10-03",
        "implementation_date": "2023-02-01",
        "rancang_bangun": (
            "Pengurusan dokumen kependudukan seperti kartu keluarga, akta kelahiran, dan akta kematian "
            "masih identik dengan antrean. Sebelum inovasi, warga harus datang ke kantor Disdukcapil, "
            "sering lebih dari sekali karena berkas belum lengkap, dan menunggu dokumen selesai dicetak. "
            "Bagi warga lanjut usia, penyandang disabilitas, dan pekerja harian, kunjungan berulang "
            "berarti kehilangan waktu dan penghasilan. Petugas di loket juga kewalahan pada hari-hari "
            "tertentu sehingga waktu pelayanan menjadi panjang.\n\n"
            "Si-Lancar (Sistem Layanan Adminduk Cepat dan Ramah) memindahkan pengajuan dokumen "
            "kependudukan ke kanal daring yang dapat diakses dari rumah atau dibantu operator di kantor "
            "kelurahan. Pokok perubahannya ada tiga. Pertama, persyaratan diperiksa sebelum warga datang "
            "sehingga tidak ada lagi bolak-balik karena berkas kurang. Kedua, dokumen yang telah "
            "ditandatangani secara elektronik dikirimkan kepada warga untuk dicetak sendiri. Ketiga, "
            "warga yang tidak dapat datang karena sakit, usia, atau disabilitas dilayani melalui "
            "kunjungan petugas.\n\n"
            "Cara kerjanya sebagai berikut. Warga mengisi formulir dan mengunggah foto persyaratan "
            "melalui tautan layanan, atau datang ke kelurahan untuk dibantu operator. Petugas "
            "Disdukcapil memverifikasi berkas, memberi tahu kekurangan melalui pesan, dan memproses "
            "permohonan yang sudah lengkap. Setelah dokumen terbit dan ditandatangani secara elektronik, "
            "berkasnya dikirim ke alamat surel atau nomor pesan pemohon. Untuk permohonan yang "
            "memerlukan perekaman biometrik, petugas menjadwalkan kunjungan atau menyediakan jalur "
            "khusus di kantor tanpa antre.\n\n"
            "Tahapan pelaksanaan meliputi penyederhanaan alur dan persyaratan, penyiapan formulir daring "
            "dan nomor layanan, pelatihan operator kelurahan, sosialisasi, uji coba di beberapa "
            "kelurahan, lalu penerapan di seluruh kota. Evaluasi dilakukan berdasarkan jumlah permohonan "
            "daring, lama penyelesaian, dan keluhan warga.\n\n"
            "Pihak yang terlibat adalah Disdukcapil, operator dan lurah di kelurahan, camat, Diskominfo "
            "yang mendukung jaringan dan penyebarluasan informasi, serta organisasi penyandang "
            "disabilitas dan kader lansia yang membantu mengenali warga yang membutuhkan layanan "
            "kunjungan. Puskesmas dan RSUD juga dilibatkan agar pencatatan kelahiran dan kematian dapat "
            "diajukan lebih cepat.\n\n"
            "Keberlanjutan inovasi didukung oleh penetapan standar pelayanan yang memuat jalur daring, "
            "pelatihan berkala bagi operator kelurahan, dan anggaran pemeliharaan perangkat. Pola "
            "layanan ini dapat ditiru oleh daerah lain karena memanfaatkan tanda tangan elektronik dan "
            "sarana yang sudah tersedia di kelurahan."
        ),
        "tujuan": (
            "Mempermudah warga mengurus dokumen kependudukan tanpa antre dan tanpa bolak-balik. Menjamin "
            "warga rentan tetap terlayani melalui kunjungan petugas."
        ),
        "manfaat": (
            "Warga menghemat waktu dan ongkos perjalanan. Beban loket berkurang, dan petugas dapat "
            "memusatkan perhatian pada verifikasi berkas."
        ),
        "hasil": (
            "Permohonan kartu keluarga, akta kelahiran, dan akta kematian dapat diajukan secara daring "
            "di seluruh kelurahan. Dokumen yang terbit dikirim secara elektronik, dan warga lanjut usia "
            "serta penyandang disabilitas dilayani melalui kunjungan."
        ),
        "latitude": -4.015,
        "longitude": 119.6295,
        "budget": 85_000_000,
        "status": "siap_kirim",
        "year": 2023,
        "previous_years": [],
        "developed_since": "",
        "revision_notes": {},
        "team": ["rini.puspitasari@parepare.demo", "firman.rasak@parepare.demo"],
        "video_url": "",
    },
    {
        "name": "GERCEP STUNTING (Gerakan Cepat Cegah Stunting)",
        "unit": "pkm_lakessi",
        "tahapan": "penerapan",
        "inisiator": "asn",
        "inisiator_name": "Hartati Samad, S.Kep., Ns.",
        "jenis": "non_digital",
        "bentuk": "pelayanan_publik",
        "tematik": "prioritas_presiden",
        "urusan_utama": "Kesehatan",
        "urusan_irisan": ["Pengendalian Penduduk dan Keluarga Berencana"],
        "trial_date": "2022-07-04",
        "implementation_date": "2023-01-16",
        "rancang_bangun": (
            "Wilayah kerja Puskesmas Lakessi mencakup permukiman padat dan kawasan pasar dengan banyak "
            "keluarga muda. Hasil penimbangan di posyandu menunjukkan masih ada balita yang berat "
            "badannya tidak naik dua kali berturut-turut, tetapi tindak lanjutnya sering terlambat. "
            "Sebelum inovasi, data penimbangan direkap di akhir bulan, baru dibahas di puskesmas pada "
            "bulan berikutnya, dan kunjungan rumah dilakukan bila tenaga tersedia. Ibu hamil dengan "
            "risiko kekurangan energi kronis juga tidak selalu terpantau hingga persalinan.\n\n"
            "GERCEP STUNTING (Gerakan Cepat Cegah Stunting) menetapkan batas waktu tindak lanjut yang "
            "tegas. Setiap balita yang pertumbuhannya melambat dan setiap ibu hamil berisiko harus "
            "dikunjungi paling lambat tujuh hari setelah ditemukan. Pokok perubahannya adalah peralihan "
            "dari pemantauan bulanan yang pasif menjadi penanganan kasus yang aktif, dengan kader "
            "posyandu sebagai ujung tombak dan petugas gizi puskesmas sebagai pendamping.\n\n"
            "Cara kerjanya sebagai berikut. Setelah hari posyandu, kader menandai balita dan ibu hamil "
            "berisiko pada buku pemantauan dan melaporkannya kepada bidan kelurahan pada hari yang sama. "
            "Bidan dan petugas gizi menyusun jadwal kunjungan rumah, melakukan konseling pemberian "
            "makan, memeriksa kondisi kesehatan, dan bila perlu merujuk ke puskesmas. Keluarga sasaran "
            "dilibatkan dalam kelas memasak makanan bergizi berbahan pangan lokal, seperti ikan, telur, "
            "dan sayuran, serta memperoleh makanan tambahan selama masa pemulihan. Perkembangan setiap "
            "anak dipantau sampai berat badannya kembali naik sesuai kurva pertumbuhan.\n\n"
            "Tahapan pelaksanaan meliputi penyegaran kader, penyusunan daftar sasaran, penetapan alur "
            "pelaporan cepat, uji coba di dua posyandu, lalu perluasan ke seluruh posyandu di wilayah "
            "kerja puskesmas. Hasil pemantauan dibahas setiap bulan dalam lokakarya mini puskesmas "
            "bersama lurah dan tim pendamping keluarga.\n\n"
            "Pihak yang terlibat adalah Puskesmas Lakessi, bidan kelurahan, petugas gizi, kader "
            "posyandu, tim pendamping keluarga, lurah dan ketua RT, serta tokoh agama yang membantu "
            "menyampaikan pesan gizi dalam pengajian dan pertemuan warga. Inovasi ini mendukung program "
            "prioritas nasional percepatan penurunan stunting.\n\n"
            "Keberlanjutan gerakan dijaga dengan memasukkan kegiatan kunjungan rumah dan kelas memasak "
            "ke dalam rencana usulan kegiatan puskesmas, memberi penghargaan sederhana kepada kader yang "
            "aktif, dan mengajak kelurahan menganggarkan makanan tambahan berbahan lokal dari dana "
            "kelurahan."
        ),
        "tujuan": (
            "Mempercepat tindak lanjut terhadap balita yang pertumbuhannya melambat dan ibu hamil "
            "berisiko. Mencegah munculnya kasus stunting baru di wilayah kerja Puskesmas Lakessi."
        ),
        "manfaat": (
            "Balita dan ibu hamil berisiko mendapat kunjungan dan konseling dalam waktu singkat. "
            "Keluarga belajar menyiapkan makanan bergizi dari bahan pangan lokal yang terjangkau."
        ),
        "hasil": (
            "Seluruh posyandu di wilayah kerja puskesmas menerapkan alur pelaporan cepat. Balita dan ibu "
            "hamil berisiko dikunjungi dalam batas waktu tujuh hari dan dipantau hingga kondisinya "
            "membaik."
        ),
        "latitude": -4.002,
        "longitude": 119.629,
        "budget": 60_000_000,
        "status": "siap_kirim",
        "year": 2023,
        "previous_years": [],
        "developed_since": "",
        "revision_notes": {},
        "team": ["hartati.samad@parepare.demo", "mardiana.lukman@parepare.demo"],
        "video_url": "",
    },
    {
        "name": "PATROLI SIPAKAINGE (Patroli Humanis Saling Mengingatkan)",
        "unit": "satpol_pp",
        "tahapan": "penerapan",
        "inisiator": "asn",
        "inisiator_name": "Jamaluddin Sese, S.Sos",
        "jenis": "non_digital",
        "bentuk": "pelayanan_publik",
        "tematik": "non_tematik",
        "urusan_utama": "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat",
        "urusan_irisan": ["Perdagangan"],
        "trial_date": "2022-09-05",
        "implementation_date": "2023-03-01",
        "rancang_bangun": (
            "Penegakan peraturan daerah tentang ketertiban umum, terutama penataan pedagang kaki lima, "
            "parkir liar, dan pemanfaatan trotoar, selama ini kerap dipandang warga sebagai tindakan "
            "yang keras. Penertiban yang datang tiba-tiba memicu perdebatan di lapangan, pedagang "
            "kembali berjualan di tempat yang sama setelah petugas pergi, dan hubungan antara petugas "
            "dan warga menjadi renggang. Pendekatan tersebut menghabiskan tenaga dan anggaran tanpa "
            "menghasilkan ketertiban yang bertahan lama.\n\n"
            "PATROLI SIPAKAINGE mengambil nilai Bugis sipakainge, yaitu saling mengingatkan. Pokok "
            "perubahannya adalah urutan tindakan yang mendahulukan dialog. Sebelum inovasi, petugas "
            "langsung menertibkan. Sesudah inovasi, setiap pelanggaran ditangani bertahap: teguran lisan "
            "dan penjelasan aturan, surat pemberitahuan dengan batas waktu, pertemuan bersama lurah dan "
            "pihak terkait untuk mencari jalan keluar, dan baru kemudian penertiban bila pelanggaran "
            "tetap berlanjut.\n\n"
            "Cara kerjanya sebagai berikut. Regu patroli dibagi per wilayah dan berpatroli pada jam-jam "
            "rawan pelanggaran. Petugas mengenakan seragam lengkap, memperkenalkan diri, dan mencatat "
            "setiap teguran pada buku patroli beserta lokasi dan nama pelanggar. Pelanggar yang sama "
            "tidak ditegur berulang-ulang tanpa tindak lanjut, karena catatan patroli menjadi dasar "
            "tahapan berikutnya. Untuk pedagang kaki lima, petugas berkoordinasi dengan Dinas "
            "Perdagangan untuk menawarkan lokasi berjualan yang sah. Warga juga dapat menyampaikan "
            "laporan gangguan ketertiban kepada regu patroli melalui kelurahan.\n\n"
            "Tahapan pelaksanaan meliputi pembekalan petugas tentang komunikasi persuasif dan pelayanan, "
            "penyusunan prosedur tindakan bertahap, pembagian wilayah patroli, uji coba di kawasan pusat "
            "kota, dan penerapan di seluruh kecamatan. Evaluasi dilakukan setiap bulan dengan "
            "membandingkan jumlah teguran, pelanggaran berulang, dan penertiban paksa yang terpaksa "
            "dilakukan.\n\n"
            "Pihak yang terlibat adalah Satpol PP, kecamatan dan kelurahan, Dinas Perdagangan, Dinas "
            "Perhubungan untuk penataan parkir, satuan perlindungan masyarakat di tingkat kelurahan, "
            "paguyuban pedagang, serta tokoh masyarakat yang membantu menyampaikan pesan ketertiban "
            "kepada warga.\n\n"
            "Keberlanjutan inovasi dijaga dengan menetapkan prosedur tindakan bertahap sebagai standar "
            "operasional Satpol PP, memasukkan materi komunikasi persuasif dalam pembekalan setiap "
            "anggota baru, dan menjadikan catatan patroli sebagai bahan laporan kinerja bulanan kepada "
            "pimpinan daerah. Pola patroli humanis ini juga dapat diterapkan oleh satuan polisi pamong "
            "praja di daerah lain karena tidak memerlukan peralatan khusus, melainkan perubahan cara "
            "kerja dan komitmen petugas."
        ),
        "tujuan": (
            "Menciptakan ketertiban umum yang bertahan lama melalui pendekatan yang mengutamakan dialog. "
            "Mengurangi penertiban paksa dan konflik antara petugas dan warga."
        ),
        "manfaat": (
            "Warga dan pedagang memahami aturan sebelum dikenai tindakan. Hubungan petugas dengan "
            "masyarakat membaik, dan tenaga serta anggaran penertiban dapat digunakan lebih efisien."
        ),
        "hasil": (
            "Prosedur tindakan bertahap diterapkan di seluruh kecamatan. Pelanggaran ditangani melalui "
            "teguran dan musyawarah lebih dahulu, dan penertiban paksa hanya dilakukan untuk pelanggaran "
            "yang berulang."
        ),
        "latitude": -4.013,
        "longitude": 119.625,
        "budget": 40_000_000,
        "status": "disetujui",
        "year": 2023,
        "previous_years": [],
        "developed_since": "",
        "revision_notes": {},
        "team": ["jamaluddin.sese@parepare.demo", "kartini.hamid@parepare.demo"],
        "video_url": "",
    },
    {
        "name": "SAPA INVESTOR (Sistem Pendampingan Aktif Investor)",
        "unit": "dpmptsp",
        "tahapan": "penerapan",
        "inisiator": "opd",
        "inisiator_name": "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Parepare",
        "jenis": "digital",
        "bentuk": "pelayanan_publik",
        "tematik": "kemudahan_investasi",
        "urusan_utama": "Penanaman Modal",
        "urusan_irisan": ["Koperasi, Usaha Kecil, dan Menengah"],
        "trial_date": "2022-11-01",
        "implementation_date": "2023-04-03",
        "rancang_bangun": (
            "Pelaku usaha yang ingin berinvestasi atau mengembangkan usaha di Kota Parepare wajib "
            "mengurus perizinan berusaha melalui sistem perizinan berbasis risiko yang dikelola secara "
            "nasional. Banyak pelaku usaha, terutama usaha kecil dan menengah, kesulitan memahami "
            "klasifikasi baku lapangan usaha, persyaratan dasar, dan kewajiban pelaporan kegiatan "
            "penanaman modal. Sebelum inovasi, mereka datang ke kantor DPMPTSP, dilayani di loket umum, "
            "dan sering kembali berkali-kali karena kesalahan pengisian data. Pelaku usaha yang lebih "
            "besar juga tidak memiliki kontak tetap yang memantau kemajuan perizinannya.\n\n"
            "SAPA INVESTOR (Sistem Pendampingan Aktif Investor) menempatkan pendamping bagi setiap "
            "pelaku usaha yang mengajukan permohonan. Pokok perubahannya adalah peralihan dari pelayanan "
            "loket yang pasif menjadi pendampingan yang proaktif. Pendamping tidak hanya menjawab "
            "pertanyaan, tetapi juga menghubungi pelaku usaha, memantau status permohonan, dan "
            "mengingatkan kewajiban laporan secara berkala.\n\n"
            "Cara kerjanya sebagai berikut. Pelaku usaha mendaftar melalui formulir daring atau di ruang "
            "konsultasi. DPMPTSP menunjuk satu pendamping yang menjadi penghubung tetap. Pendamping "
            "membantu menentukan klasifikasi usaha, memeriksa kelengkapan persyaratan, dan mendampingi "
            "pengisian data pada sistem perizinan. Bila permohonan memerlukan rekomendasi teknis dari "
            "perangkat daerah lain, pendamping mengoordinasikannya dan menyampaikan perkembangannya "
            "kepada pelaku usaha melalui pesan. Konsultasi dapat dilakukan secara tatap muka maupun "
            "melalui panggilan video. Menjelang batas waktu pelaporan kegiatan penanaman modal, "
            "pendamping mengirimkan pengingat dan membantu pelaku usaha yang kesulitan.\n\n"
            "Tahapan pelaksanaan meliputi penyusunan standar pendampingan, penunjukan dan pelatihan "
            "pendamping, penyiapan formulir daring dan ruang konsultasi, uji coba untuk pelaku usaha "
            "baru, lalu penerapan bagi seluruh pemohon. Kinerja pendamping dievaluasi dari lama "
            "penyelesaian perizinan dan hasil survei kepuasan pelaku usaha.\n\n"
            "Pihak yang terlibat adalah DPMPTSP, perangkat daerah teknis yang memberikan rekomendasi, "
            "Diskominfo untuk dukungan layanan daring, asosiasi pelaku usaha, serta kecamatan yang "
            "membantu menjangkau usaha mikro di wilayahnya. Inovasi ini mendukung upaya pemerintah kota "
            "mewujudkan kemudahan berusaha dan meningkatkan daya saing daerah.\n\n"
            "Keberlanjutan inovasi dijaga dengan menetapkan pendamping melalui keputusan kepala dinas, "
            "menyusun panduan pendampingan yang diperbarui setiap kali ada perubahan ketentuan "
            "perizinan, dan menganggarkan layanan konsultasi daring dalam rencana kerja tahunan. Pola "
            "pendampingan ini dapat direplikasi oleh daerah lain karena hanya memerlukan penataan ulang "
            "peran petugas yang sudah ada."
        ),
        "tujuan": (
            "Mempermudah pelaku usaha menyelesaikan perizinan berusaha dan memenuhi kewajiban pelaporan. "
            "Meningkatkan minat berinvestasi di Kota Parepare."
        ),
        "manfaat": (
            "Pelaku usaha memiliki satu penghubung tetap sehingga tidak perlu bolak-balik ke kantor. "
            "Kesalahan pengisian data berkurang, dan kepatuhan pelaporan kegiatan penanaman modal "
            "meningkat."
        ),
        "hasil": (
            "Setiap pemohon perizinan berusaha mendapat pendamping sejak pendaftaran. Pemantauan status "
            "permohonan dan pengingat pelaporan berjalan melalui pesan dan konsultasi daring."
        ),
        "latitude": -4.016,
        "longitude": 119.6245,
        "budget": 75_000_000,
        "status": "sedang_divalidasi",
        "year": 2023,
        "previous_years": [],
        "developed_since": "",
        "revision_notes": {},
        "team": ["fauzan.arief@parepare.demo", "riska.amalia@parepare.demo"],
        "video_url": "",
    },
    {
        "name": "SI-PADU (Sistem Portal Data Terpadu)",
        "unit": "diskominfo",
        "tahapan": "uji_coba",
        "inisiator": "asn",
        "inisiator_name": "Yudi Prasetyo Wijaya, S.Kom",
        "jenis": "digital",
        "bentuk": "tata_kelola",
        "tematik": "digitalisasi_layanan",
        "urusan_utama": "Komunikasi dan Informatika",
        "urusan_irisan": ["Statistik"],
        "trial_date": "2023-06-05",
        "implementation_date": None,
        "rancang_bangun": (
            "Perangkat daerah di Kota Parepare menghasilkan banyak data sektoral, mulai dari data "
            "pendidikan, kesehatan, infrastruktur, hingga data pasar. Sebelum inovasi, data itu "
            "tersimpan di masing-masing perangkat daerah dalam format yang berbeda. Ketika Bappeda "
            "menyusun dokumen perencanaan atau pimpinan membutuhkan data untuk mengambil keputusan, "
            "permintaan data dikirim melalui surat dan jawabannya bisa memakan waktu berminggu-minggu. "
            "Angka yang sama sering berbeda antara satu dokumen dan dokumen lain karena sumber dan waktu "
            "pengambilannya tidak seragam.\n\n"
            "SI-PADU (Sistem Portal Data Terpadu) dibangun untuk menerapkan prinsip satu data di tingkat "
            "kota. Pokok perubahannya adalah penetapan peran yang jelas: perangkat daerah bertindak "
            "sebagai produsen data, Diskominfo sebagai walidata yang memeriksa kesesuaian data dengan "
            "standar dan metadata, dan Bappeda sebagai koordinator. Sebelum inovasi, data dicari saat "
            "dibutuhkan; sesudah inovasi, data dimutakhirkan secara terjadwal dan tersedia di satu "
            "portal.\n\n"
            "Cara kerjanya sebagai berikut. Setiap perangkat daerah menunjuk operator data yang "
            "mengunggah data sektoral sesuai daftar data yang disepakati. Setiap data dilengkapi "
            "metadata berupa definisi, satuan, sumber, dan periode. Walidata memeriksa kelengkapan dan "
            "konsistensi data sebelum diterbitkan. Data yang bersifat terbuka dapat diakses publik dan "
            "diunduh dalam format yang mudah diolah, sedangkan data yang terbatas hanya dapat dilihat "
            "oleh pengguna internal. Dasbor ringkasan disiapkan bagi pimpinan daerah.\n\n"
            "Tahapan pelaksanaan dimulai dengan penyusunan daftar data prioritas bersama Bappeda, "
            "pelatihan operator data, pembangunan portal, lalu uji coba dengan sepuluh perangkat daerah "
            "yang datanya paling sering diminta. Selama uji coba, Diskominfo mencatat ketepatan waktu "
            "pemutakhiran dan kendala yang dialami operator sebagai bahan perbaikan sebelum portal "
            "diterapkan di seluruh perangkat daerah.\n\n"
            "Pihak yang terlibat adalah Diskominfo sebagai pengelola, Bappeda sebagai koordinator "
            "perencanaan, seluruh perangkat daerah sebagai produsen data, dan Badan Pusat Statistik Kota "
            "Parepare sebagai pembina data statistik. Warga, akademisi, dan pelaku usaha menjadi "
            "pengguna data terbuka yang dapat memberi masukan melalui fitur umpan balik portal.\n\n"
            "Untuk menjamin keberlanjutan, tim pengembang menyiapkan rancangan peraturan wali kota "
            "tentang penyelenggaraan satu data daerah, jadwal pemutakhiran data yang mengikat setiap "
            "perangkat daerah, serta anggaran pemeliharaan server dan pelatihan operator yang diusulkan "
            "dalam rencana kerja tahun berikutnya."
        ),
        "tujuan": (
            "Menyediakan data sektoral yang akurat, mutakhir, dan mudah diakses dalam satu portal. "
            "Mengurangi perbedaan angka antardokumen perencanaan."
        ),
        "manfaat": (
            "Perencana dan pimpinan memperoleh data tanpa menunggu surat balasan. Masyarakat dapat "
            "mengakses data terbuka untuk penelitian, usaha, dan pengawasan pembangunan."
        ),
        "hasil": (
            "Sepuluh perangkat daerah uji coba telah mengunggah data prioritas lengkap dengan metadata. "
            "Portal menampilkan data terbuka yang dapat diunduh, dan kendala operator dicatat sebagai "
            "bahan perbaikan."
        ),
        "latitude": -4.014,
        "longitude": 119.6268,
        "budget": 180_000_000,
        "status": "sedang_divalidasi",
        "year": 2023,
        "previous_years": [],
        "developed_since": "",
        "revision_notes": {},
        "team": ["yudi.prasetyo@parepare.demo", "ayu.lestari@parepare.demo"],
        "video_url": "",
    },
    {
        "name": "SIKEMAS (Survei Kepuasan Masyarakat Satu Pintu)",
        "unit": "bagian_organisasi",
        "tahapan": "uji_coba",
        "inisiator": "asn",
        "inisiator_name": "Indah Permatasari Rauf, S.AP",
        "jenis": "digital",
        "bentuk": "tata_kelola",
        "tematik": "digitalisasi_layanan",
        "urusan_utama": "Komunikasi dan Informatika",
        "urusan_irisan": [],
        "trial_date": "2023-08-01",
        "implementation_date": None,
        "rancang_bangun": (
            "Setiap unit penyelenggara pelayanan publik wajib melaksanakan survei kepuasan masyarakat "
            "secara berkala sesuai pedoman Kementerian Pendayagunaan Aparatur Negara dan Reformasi "
            "Birokrasi. Di Kota Parepare, survei ini selama ini dilaksanakan sendiri-sendiri oleh setiap "
            "unit dengan kuesioner kertas. Bagian Organisasi menerima laporan dengan format, jumlah "
            "responden, dan waktu pelaksanaan yang berbeda-beda, sehingga indeks kepuasan antarunit "
            "sulit dibandingkan. Rekap manual juga rawan salah hitung, dan hasil survei jarang "
            "ditindaklanjuti karena baru diterima berbulan-bulan kemudian.\n\n"
            "SIKEMAS (Survei Kepuasan Masyarakat Satu Pintu) menyatukan pelaksanaan survei seluruh unit "
            "layanan dalam satu aplikasi. Pokok perubahannya adalah peralihan dari kuesioner kertas yang "
            "direkap manual menjadi kuesioner daring dengan perhitungan indeks otomatis. Sebelum "
            "inovasi, Bagian Organisasi menunggu laporan; sesudah inovasi, hasil survei dapat dipantau "
            "kapan saja melalui dasbor.\n\n"
            "Cara kerjanya sebagai berikut. Setiap loket layanan memasang kode QR yang mengarah ke "
            "kuesioner unit tersebut. Setelah dilayani, warga memindai kode dan menilai sembilan unsur "
            "pelayanan sesuai pedoman, ditambah kolom saran. Bagi warga yang tidak menggunakan telepon "
            "pintar, petugas menyediakan tablet di ruang tunggu. Sistem menghitung nilai setiap unsur "
            "dan indeks kepuasan unit secara otomatis. Bagian Organisasi memantau hasil seluruh unit, "
            "mengirimkan catatan kepada unit dengan nilai unsur terendah, dan meminta rencana tindak "
            "lanjut perbaikan.\n\n"
            "Tahapan pelaksanaan meliputi penyusunan kuesioner baku, pembangunan aplikasi, pelatihan "
            "admin di setiap unit, uji coba di beberapa unit layanan yang jumlah pengunjungnya besar, "
            "dan penerapan di seluruh unit penyelenggara pelayanan. Selama uji coba, Bagian Organisasi "
            "membandingkan hasil survei daring dengan survei kertas untuk memastikan keduanya sebanding.\n\n"
            "Pihak yang terlibat adalah Bagian Organisasi Sekretariat Daerah sebagai pengelola, "
            "Diskominfo yang mendukung server dan keamanan data, admin survei di setiap perangkat "
            "daerah, kecamatan, kelurahan, puskesmas, dan unit layanan lainnya, serta warga sebagai "
            "responden. Hasil survei dipublikasikan secara berkala sebagai bentuk akuntabilitas kepada "
            "masyarakat.\n\n"
            "Keberlanjutan inovasi akan dijaga dengan menjadikan SIKEMAS sebagai satu-satunya sarana "
            "survei kepuasan masyarakat di lingkungan pemerintah kota dan memasukkan nilai indeks "
            "kepuasan ke dalam bahan evaluasi kinerja unit pelayanan. Pola ini juga dapat direplikasi "
            "oleh pemerintah daerah lain karena aplikasinya sederhana dan kuesionernya mengikuti pedoman "
            "nasional yang sama."
        ),
        "tujuan": (
            "Menyeragamkan pelaksanaan survei kepuasan masyarakat di seluruh unit pelayanan. Menyediakan "
            "hasil survei yang cepat dan dapat dibandingkan sebagai dasar perbaikan layanan."
        ),
        "manfaat": (
            "Unit pelayanan tidak lagi merekap kuesioner secara manual. Pimpinan dapat membandingkan "
            "kinerja pelayanan antarunit, dan warga melihat bahwa pendapatnya ditindaklanjuti."
        ),
        "hasil": (
            "Kuesioner daring telah digunakan di unit layanan uji coba dan indeksnya dihitung otomatis. "
            "Hasil perbandingan dengan survei kertas sedang disusun sebagai dasar penerapan di seluruh "
            "unit."
        ),
        "latitude": -4.0128,
        "longitude": 119.6243,
        "budget": 25_000_000,
        "status": "diajukan",
        "year": 2023,
        "previous_years": [],
        "developed_since": "",
        "revision_notes": {},
        "team": ["indah.permatasari@parepare.demo"],
        "video_url": "",
    },
    {
        "name": "GELIAT BACA (Gerakan Literasi Akhir Pekan Bersama Orang Tua)",
        "unit": "uptd_smpn2",
        "tahapan": "uji_coba",
        "inisiator": "asn",
        "inisiator_name": "Andi Nurhaeda Patongai, S.Pd., M.Pd",
        "jenis": "non_digital",
        "bentuk": "lainnya",
        "tematik": "non_tematik",
        "urusan_utama": "Pendidikan",
        "urusan_irisan": ["Perpustakaan"],
        "trial_date": "2023-07-24",
        "implementation_date": None,
        "rancang_bangun": (
            "Kemampuan literasi siswa menjadi perhatian utama di UPTD SMP Negeri 2 Parepare. Guru "
            "menemukan banyak siswa kelas VII yang mampu membaca lancar tetapi kesulitan memahami isi "
            "bacaan, menyimpulkan gagasan pokok, dan menceritakannya kembali. Kegiatan membaca lima "
            "belas menit sebelum pelajaran sudah berjalan, tetapi berhenti di sekolah. Di rumah, "
            "sebagian besar waktu luang siswa habis untuk gawai, dan orang tua belum terlibat karena "
            "menganggap urusan belajar sepenuhnya tanggung jawab sekolah.\n\n"
            "GELIAT BACA (Gerakan Literasi Akhir Pekan Bersama Orang Tua) memperluas kegiatan literasi "
            "dari sekolah ke rumah. Pokok perubahannya adalah keterlibatan orang tua sebagai teman "
            "membaca. Sebelum inovasi, literasi hanya menjadi kegiatan rutin di kelas tanpa tindak "
            "lanjut. Sesudah inovasi, setiap akhir pekan siswa membaca satu bacaan pilihan bersama orang "
            "tua atau anggota keluarga lain, lalu menuliskan hasil diskusinya dalam jurnal baca.\n\n"
            "Cara kerjanya sebagai berikut. Setiap Jumat, wali kelas membagikan bacaan pendek atau "
            "meminjamkan buku dari perpustakaan sekolah. Di rumah, siswa dan orang tua membaca bersama, "
            "membahas beberapa pertanyaan pemantik, dan menandatangani jurnal baca. Pada hari Senin, "
            "siswa berbagi cerita dalam kelompok kecil di kelas, dan guru Bahasa Indonesia menilai "
            "perkembangan pemahaman bacaan menggunakan rubrik sederhana. Sekali sebulan sekolah "
            "menyelenggarakan pojok cerita, yaitu kegiatan ketika siswa dan orang tua membacakan atau "
            "menceritakan kembali bacaan favorit mereka di depan warga sekolah.\n\n"
            "Tahapan pelaksanaan meliputi sosialisasi kepada orang tua melalui pertemuan komite sekolah, "
            "penyusunan daftar bacaan sesuai jenjang, pencetakan jurnal baca, uji coba di kelas VII, dan "
            "rencana perluasan ke kelas VIII dan IX. Evaluasi dilakukan setiap akhir bulan berdasarkan "
            "kelengkapan jurnal, hasil rubrik pemahaman, dan masukan orang tua. Bagi siswa yang orang "
            "tuanya bekerja di luar kota, pendamping membaca dapat digantikan oleh kakak, kerabat, atau "
            "tetangga yang bersedia.\n\n"
            "Pihak yang terlibat adalah kepala sekolah, wali kelas, guru Bahasa Indonesia, pustakawan "
            "sekolah, komite sekolah, orang tua siswa, dan Dinas Pendidikan dan Kebudayaan yang memberi "
            "pembinaan. Sekolah juga menjajaki kerja sama dengan perpustakaan daerah untuk menambah "
            "koleksi bacaan yang dapat dipinjam siswa.\n\n"
            "Keberlanjutan kegiatan direncanakan melalui pencantuman GELIAT BACA dalam program kerja "
            "sekolah, pengadaan buku bacaan dari dana operasional sekolah secara bertahap, dan "
            "penunjukan guru penanggung jawab literasi di setiap jenjang kelas."
        ),
        "tujuan": (
            "Meningkatkan kemampuan siswa memahami isi bacaan. Melibatkan orang tua secara aktif dalam "
            "kegiatan literasi anak di rumah."
        ),
        "manfaat": (
            "Siswa terbiasa membaca dan mendiskusikan bacaan di luar jam sekolah. Hubungan orang tua dan "
            "anak menjadi lebih dekat, dan guru memperoleh gambaran perkembangan literasi setiap siswa."
        ),
        "hasil": (
            "Jurnal baca telah digunakan oleh siswa kelas VII selama masa uji coba. Sebagian besar orang "
            "tua ikut menandatangani jurnal, dan hasil rubrik pemahaman bacaan dicatat setiap bulan "
            "sebagai bahan evaluasi."
        ),
        "latitude": -4.0075,
        "longitude": 119.631,
        "budget": 12_000_000,
        "status": "diajukan",
        "year": 2023,
        "previous_years": [],
        "developed_since": "",
        "revision_notes": {},
        "team": ["andi.nurhaeda@parepare.demo"],
        "video_url": "",
    },
    {
        "name": "SI-MANIS (Skrining Mandiri Hipertensi dan Diabetes di Lingkungan)",
        "unit": "pkm_lompoe",
        "tahapan": "uji_coba",
        "inisiator": "asn",
        "inisiator_name": "dr. Arham Nur Iskandar",
        "jenis": "digital",
        "bentuk": "pelayanan_publik",
        "tematik": "non_tematik",
        "urusan_utama": "Kesehatan",
        "urusan_irisan": [],
        "trial_date": "2023-05-08",
        "implementation_date": None,
        "rancang_bangun": (
            "Hipertensi dan diabetes melitus merupakan penyakit tidak menular yang banyak ditemukan pada "
            "warga usia produktif dan lanjut usia di wilayah kerja Puskesmas Lompoe. Banyak penderita "
            "baru mengetahui penyakitnya setelah timbul komplikasi karena tidak pernah memeriksakan "
            "diri. Pos pembinaan terpadu penyakit tidak menular sudah ada, tetapi kunjungannya rendah, "
            "terutama dari warga yang bekerja pada jam pelayanan. Data hasil pemeriksaan juga tercatat "
            "di buku yang berbeda-beda sehingga puskesmas sulit memantau warga berisiko.\n\n"
            "SI-MANIS (Skrining Mandiri Hipertensi dan Diabetes di Lingkungan) mendekatkan pemeriksaan "
            "ke lingkungan tempat tinggal warga. Di setiap RW dipilih kader yang dilatih mengukur "
            "tekanan darah dan gula darah sewaktu menggunakan alat yang disediakan puskesmas. Warga juga "
            "dapat mengisi kuesioner risiko secara mandiri melalui tautan yang dibagikan di grup pesan "
            "warga. Hasil pemeriksaan dan kuesioner masuk ke satu lembar data daring yang dipantau "
            "petugas puskesmas.\n\n"
            "Cara kerjanya sebagai berikut. Kader membuka layanan pemeriksaan di rumah kader atau tempat "
            "ibadah pada sore hari dan akhir pekan, sehingga warga yang bekerja tetap dapat datang. "
            "Warga yang hasilnya di atas batas normal mendapat kartu rujukan dan diingatkan melalui "
            "pesan untuk datang ke puskesmas. Petugas memeriksa data setiap minggu, menghubungi warga "
            "berisiko tinggi, dan menjadwalkan pemeriksaan lanjutan oleh dokter. Penderita yang sudah "
            "terdiagnosis dipantau kepatuhan minum obatnya oleh kader melalui kunjungan singkat atau "
            "pesan.\n\n"
            "Tahapan pelaksanaan meliputi pelatihan kader, pengadaan alat ukur, penyiapan formulir "
            "daring, uji coba di tiga RW, dan evaluasi sebelum diperluas ke seluruh kelurahan di wilayah "
            "kerja puskesmas. Selama uji coba, puskesmas mencatat jumlah warga yang diperiksa, jumlah "
            "yang dirujuk, dan jumlah yang benar-benar datang ke puskesmas.\n\n"
            "Pihak yang terlibat adalah Puskesmas Lompoe, kader kesehatan, ketua RW dan RT, pengurus "
            "tempat ibadah, serta lurah yang membantu menggerakkan warga. Pengurus tempat ibadah "
            "menyediakan ruang pemeriksaan, sedangkan ketua RT membantu mengumumkan jadwal layanan "
            "kepada warga. Dinas Kesehatan memberi dukungan berupa pelatihan dan pembinaan teknis.\n\n"
            "Keberlanjutan kegiatan direncanakan melalui pengusulan alat ukur dan bahan habis pakai "
            "dalam rencana kebutuhan puskesmas, pemberian insentif sederhana bagi kader, dan pemanfaatan "
            "dana kelurahan untuk kegiatan promosi kesehatan di tingkat RW."
        ),
        "tujuan": (
            "Menemukan lebih awal warga yang menderita atau berisiko hipertensi dan diabetes. "
            "Meningkatkan kepatuhan pengobatan penderita yang sudah terdiagnosis."
        ),
        "manfaat": (
            "Warga dapat memeriksakan diri di dekat rumah pada waktu yang sesuai. Puskesmas memiliki "
            "data warga berisiko yang tertata untuk ditindaklanjuti."
        ),
        "hasil": (
            "Layanan pemeriksaan oleh kader berjalan di tiga RW uji coba. Warga dengan hasil di atas "
            "batas normal telah dirujuk dan dihubungi kembali oleh petugas puskesmas."
        ),
        "latitude": -4.035,
        "longitude": 119.648,
        "budget": 30_000_000,
        "status": "perlu_revisi",
        "year": 2023,
        "previous_years": [],
        "developed_since": "",
        "revision_notes": {
            "rancang_bangun": (
                "Uraikan pokok perubahan sebelum dan sesudah inovasi secara lebih tegas, termasuk alur "
                "rujukan dari kader ke puskesmas."
            ),
            "hasil": (
                "Sertakan data capaian skrining selama masa uji coba, misalnya jumlah warga yang diperiksa."
            ),
        },
        "team": ["arham.iskandar@parepare.demo", "satriani.rustam@parepare.demo"],
        "video_url": "",
    },
    {
        "name": "TABUNG SAMPAH LEMOE (Tabungan Berbasis Sampah Warga Lemoe)",
        "unit": "kel_lemoe",
        "tahapan": "inisiatif",
        "inisiator": "masyarakat",
        "inisiator_name": "Hj. Sumiati Daeng Tanang",
        "jenis": "non_digital",
        "bentuk": "lainnya",
        "tematik": "non_tematik",
        "urusan_utama": "Lingkungan Hidup",
        "urusan_irisan": ["Pemberdayaan Masyarakat dan Desa"],
        "trial_date": None,
        "implementation_date": None,
        "rancang_bangun": (
            "Kelurahan Lemoe berkembang menjadi kawasan permukiman baru dengan jumlah rumah tangga yang "
            "terus bertambah. Pengangkutan sampah oleh petugas belum menjangkau seluruh lorong setiap "
            "hari, sehingga sebagian warga membakar sampah di pekarangan atau membuangnya ke lahan "
            "kosong dan saluran air. Pada musim hujan, saluran yang tersumbat sampah menimbulkan "
            "genangan. Di sisi lain, sampah yang masih bernilai seperti plastik, kertas, dan logam "
            "terbuang begitu saja, padahal dapat dijual dan memberi tambahan penghasilan bagi rumah "
            "tangga.\n\n"
            "TABUNG SAMPAH LEMOE (Tabungan Berbasis Sampah Warga Lemoe) dirancang untuk mengubah sampah "
            "menjadi tabungan. Inisiatif ini berawal dari usulan kelompok ibu rumah tangga yang sudah "
            "mengumpulkan botol plastik secara sukarela. Pokok perubahan yang direncanakan adalah "
            "pemilahan sampah di rumah tangga dan penyetoran sampah bernilai ke bank sampah kelurahan, "
            "menggantikan kebiasaan membuang atau membakar sampah campuran.\n\n"
            "Cara kerja yang direncanakan sebagai berikut. Setiap rumah tangga yang menjadi nasabah "
            "memperoleh buku tabungan dan memilah sampah menjadi sampah organik, sampah bernilai jual, "
            "dan sampah residu. Sampah bernilai jual disetor ke bank sampah pada hari yang ditentukan, "
            "ditimbang, dan dicatat nilainya dalam buku tabungan. Pengurus bank sampah menjual hasil "
            "setoran kepada pengepul yang bekerja sama. Tabungan dapat diambil menjelang hari raya atau "
            "digunakan untuk membayar iuran kebersihan. Sampah organik diolah menjadi kompos untuk "
            "tanaman pekarangan.\n\n"
            "Tahapan yang direncanakan meliputi pertemuan warga dan pembentukan pengurus, pelatihan "
            "pemilahan dan pencatatan bersama Dinas Lingkungan Hidup, penyiapan tempat penimbangan dan "
            "peralatan, uji coba di satu RW, lalu perluasan ke RW lain. Kelurahan akan memfasilitasi "
            "tempat dan perlengkapan awal, sementara pengurus diharapkan dapat mengelola bank sampah "
            "secara mandiri dari hasil penjualan.\n\n"
            "Pihak yang akan terlibat adalah Kelurahan Lemoe, kelompok ibu rumah tangga penggerak, ketua "
            "RT dan RW, kader lingkungan, Dinas Lingkungan Hidup sebagai pembina, pengepul sampah, serta "
            "sekolah di sekitar kelurahan yang dapat menjadi nasabah kelompok.\n\n"
            "Agar kegiatan ini berkelanjutan, pengurus akan menyusun aturan bersama tentang hak dan "
            "kewajiban nasabah, mencatat keuangan secara terbuka dan melaporkannya dalam pertemuan warga "
            "setiap bulan, serta mengusulkan dukungan peralatan melalui musyawarah perencanaan "
            "pembangunan kelurahan."
        ),
        "tujuan": (
            "Mengurangi sampah yang dibakar atau dibuang sembarangan di Kelurahan Lemoe. Memberi nilai "
            "ekonomi pada sampah rumah tangga yang masih dapat dimanfaatkan."
        ),
        "manfaat": (
            "Lingkungan menjadi lebih bersih dan saluran air tidak tersumbat sampah. Rumah tangga "
            "memperoleh tabungan dari sampah yang dipilah."
        ),
        "hasil": (
            "Diharapkan terbentuk satu bank sampah kelurahan dengan pengurus dan nasabah yang aktif. "
            "Volume sampah yang dibakar atau dibuang ke saluran air diharapkan berkurang di RW uji coba."
        ),
        "latitude": -4.048,
        "longitude": 119.662,
        "budget": 18_000_000,
        "status": "perlu_revisi",
        "year": 2023,
        "previous_years": [],
        "developed_since": "",
        "revision_notes": {
            "tujuan": "Rumuskan tujuan yang terukur, misalnya target jumlah nasabah pada tahun pertama.",
            "hasil": (
                "Hasil yang diharapkan perlu dilengkapi dengan ukuran keberhasilan yang dapat dipantau, "
                "bukan hanya uraian umum."
            ),
        },
        "team": [
            "sitti.aminah@parepare.demo",
            {
                "name": "Hj. Sumiati Daeng Tanang",
                "role": "Tokoh masyarakat, penggerak kelompok ibu rumah tangga",
            },
        ],
        "video_url": "",
    },
    {
        "name": "SOREANG MENYAPA (Pelayanan Administrasi Terpadu Kecamatan Keliling)",
        "unit": "kec_soreang",
        "tahapan": "inisiatif",
        "inisiator": "anggota_dprd",
        "inisiator_name": "H. Muhammad Sabri Lasinrang",
        "jenis": "non_digital",
        "bentuk": "pelayanan_publik",
        "tematik": "non_tematik",
        "urusan_utama": "Administrasi Kependudukan dan Pencatatan Sipil",
        "urusan_irisan": ["Pemberdayaan Masyarakat dan Desa"],
        "trial_date": None,
        "implementation_date": None,
        "rancang_bangun": (
            "Warga Kecamatan Soreang yang membutuhkan layanan administrasi di tingkat kecamatan, seperti "
            "surat keterangan, rekomendasi, dan legalisasi dokumen, harus datang ke kantor kecamatan "
            "pada jam kerja. Sebagian warga tinggal di lorong dan kawasan perbukitan yang jauh dari "
            "kantor, dan tidak semua memiliki kendaraan. Warga lanjut usia, penyandang disabilitas, dan "
            "pekerja harian sering menunda pengurusan dokumen, padahal dokumen itu diperlukan untuk "
            "mendaftar sekolah, mengakses bantuan, atau mengurus usaha kecil.\n\n"
            "SOREANG MENYAPA (Pelayanan Administrasi Terpadu Kecamatan Keliling) direncanakan sebagai "
            "layanan jemput bola yang membawa loket kecamatan ke kelurahan secara bergiliran. Gagasan "
            "ini diusulkan oleh anggota DPRD dari daerah pemilihan setempat berdasarkan aspirasi warga "
            "dalam kegiatan reses, kemudian dikembangkan oleh kecamatan. Pokok perubahan yang "
            "direncanakan adalah pergeseran dari warga mendatangi kantor menjadi kantor mendatangi "
            "warga.\n\n"
            "Cara kerja yang direncanakan sebagai berikut. Kecamatan menyusun jadwal keliling bulanan ke "
            "setiap kelurahan dan mengumumkannya melalui ketua RT, tempat ibadah, dan media sosial "
            "kecamatan. Pada hari yang ditentukan, petugas membuka layanan di kantor kelurahan atau "
            "balai warga dengan membawa perlengkapan administrasi. Permohonan yang dapat diselesaikan di "
            "tempat langsung diproses, sedangkan permohonan yang memerlukan tanda tangan pejabat "
            "diselesaikan di kantor dan diantarkan kembali melalui kelurahan. Warga yang tidak dapat "
            "hadir karena sakit atau disabilitas dapat dikunjungi di rumah.\n\n"
            "Tahapan yang direncanakan meliputi inventarisasi jenis layanan yang dapat dilayani secara "
            "keliling, penyusunan prosedur dan jadwal, koordinasi dengan lurah, penyiapan perlengkapan, "
            "uji coba di dua kelurahan, dan evaluasi sebelum diterapkan di seluruh kelurahan di "
            "Kecamatan Soreang. Pada tahap awal, jenis layanan yang dibawa akan dibatasi pada layanan "
            "yang paling sering dimohonkan agar petugas tidak kewalahan.\n\n"
            "Pihak yang akan terlibat adalah camat dan staf kecamatan, lurah dan perangkat kelurahan, "
            "ketua RT dan RW, serta perangkat daerah yang layanannya dapat dititipkan pada kegiatan "
            "keliling, misalnya perekaman data kependudukan. Keterlibatan anggota DPRD pengusul "
            "diharapkan membantu menjaring aspirasi warga tentang jenis layanan yang paling dibutuhkan.\n\n"
            "Keberlanjutan layanan keliling akan diupayakan melalui penetapan jadwal dalam keputusan "
            "camat, penganggaran biaya operasional kendaraan dan perlengkapan dalam rencana kerja "
            "kecamatan, serta pencatatan jumlah warga yang dilayani sebagai bahan evaluasi setiap "
            "triwulan."
        ),
        "tujuan": (
            "Mendekatkan layanan administrasi kecamatan kepada warga yang tinggal jauh dari kantor. "
            "Memastikan warga rentan tetap dapat mengurus dokumen yang mereka butuhkan."
        ),
        "manfaat": (
            "Warga tidak perlu meninggalkan pekerjaan untuk mengurus dokumen di kantor kecamatan. "
            "Kecamatan dapat menjaring kebutuhan layanan langsung dari lingkungan warga."
        ),
        "hasil": (
            "Diharapkan layanan keliling menjangkau seluruh kelurahan di Kecamatan Soreang setiap bulan. "
            "Warga lanjut usia dan penyandang disabilitas diharapkan terlayani di rumah bila tidak dapat "
            "hadir."
        ),
        "latitude": -3.992,
        "longitude": 119.635,
        "budget": 35_000_000,
        "status": "perlu_revisi",
        "year": 2023,
        "previous_years": [],
        "developed_since": "",
        "revision_notes": {
            "rancang_bangun": (
                "Jelaskan pembagian peran antara kecamatan, kelurahan, dan Disdukcapil agar tidak "
                "tumpang tindih dengan layanan yang sudah ada."
            ),
            "manfaat": (
                "Uraikan manfaat bagi warga secara lebih spesifik, misalnya penghematan waktu dan biaya "
                "perjalanan."
            ),
        },
        "team": ["andi.muliana@parepare.demo", "hasbullah.nawir@parepare.demo"],
        "video_url": "",
    },
    {
        "name": "SAPA ANAK (Sahabat Pendamping Anak Belajar Membaca)",
        "unit": "uptd_sdn14",
        "tahapan": "inisiatif",
        "inisiator": "asn",
        "inisiator_name": "Nur Afni Sabir, S.Pd",
        "jenis": "non_digital",
        "bentuk": "lainnya",
        "tematik": "non_tematik",
        "urusan_utama": "Pendidikan",
        "urusan_irisan": [],
        "trial_date": None,
        "implementation_date": None,
        "rancang_bangun": (
            "Di UPTD SD Negeri 14 Parepare masih ada siswa kelas II dan III yang belum lancar membaca. "
            "Mereka tertinggal dalam hampir semua mata pelajaran karena kesulitan memahami soal dan buku "
            "teks. Guru kelas tidak memiliki cukup waktu untuk mendampingi mereka satu per satu di "
            "tengah pembelajaran klasikal.\n\n"
            "SAPA ANAK (Sahabat Pendamping Anak Belajar Membaca) direncanakan sebagai program "
            "pendampingan membaca di luar jam pelajaran. Setiap siswa yang belum lancar membaca akan "
            "didampingi oleh seorang sahabat baca, yaitu siswa kelas V atau VI yang sudah lancar membaca "
            "dan dilatih oleh guru. Pendampingan dilakukan tiga kali seminggu selama dua puluh menit "
            "menggunakan kartu huruf, buku cerita bergambar, dan permainan kata.\n\n"
            "Guru akan memetakan kemampuan membaca siswa di awal program, menyusun pasangan belajar, dan "
            "memantau kemajuan setiap bulan. Orang tua diminta mendampingi latihan membaca singkat di "
            "rumah.\n\n"
            "Rancangan ini masih disusun bersama guru kelas rendah dan akan dilengkapi dengan jadwal, "
            "alat ukur kemajuan, dan rencana uji coba."
        ),
        "tujuan": (
            "Membantu siswa kelas rendah yang belum lancar membaca agar dapat mengikuti pembelajaran. "
            "Menumbuhkan kepedulian antarsiswa melalui pendampingan sebaya."
        ),
        "manfaat": (
            "Siswa yang tertinggal mendapat perhatian khusus tanpa menambah beban guru secara "
            "berlebihan. Siswa pendamping melatih kepemimpinan dan empati."
        ),
        "hasil": (
            "Diharapkan siswa yang didampingi dapat membaca lancar dalam satu semester. Hasil pemetaan "
            "kemampuan membaca akan menjadi dasar penyusunan pasangan belajar."
        ),
        "latitude": -4.01,
        "longitude": 119.635,
        "budget": 5_000_000,
        "status": "draft",
        "year": 2023,
        "previous_years": [],
        "developed_since": "",
        "revision_notes": {},
        "team": ["nurafni.sabir@parepare.demo"],
        "video_url": "",
    },
    {
        "name": "SIAGA PESISIR (Sistem Informasi dan Aksi Warga Tanggap Pesisir)",
        "unit": "kel_ujung_lare",
        "tahapan": "inisiatif",
        "inisiator": "asn",
        "inisiator_name": "Ahmad Syukri Makmur, S.STP",
        "jenis": "non_digital",
        "bentuk": "pelayanan_publik",
        "tematik": "non_tematik",
        "urusan_utama": "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat",
        "urusan_irisan": ["Lingkungan Hidup"],
        "trial_date": None,
        "implementation_date": None,
        "rancang_bangun": (
            "Kelurahan Ujung Lare berada di tepi pantai dan sebagian permukimannya rawan tergenang "
            "ketika air laut pasang tinggi bersamaan dengan hujan deras. Selama ini informasi tentang "
            "pasang tinggi dan cuaca buruk tidak sampai kepada warga secara cepat, sehingga warga "
            "terlambat mengamankan barang, perahu, dan anggota keluarga yang rentan.\n\n"
            "SIAGA PESISIR (Sistem Informasi dan Aksi Warga Tanggap Pesisir) direncanakan sebagai "
            "jaringan warga siaga di setiap RT pesisir. Kelurahan akan meneruskan peringatan cuaca dan "
            "pasang tinggi dari sumber resmi kepada koordinator RT, yang kemudian menyampaikannya kepada "
            "warga melalui pengeras suara masjid, kentongan, dan pesan berantai. Setiap RT akan memiliki "
            "daftar warga rentan, seperti lansia, ibu hamil, dan penyandang disabilitas, serta titik "
            "kumpul yang disepakati.\n\n"
            "Rencana ini akan disusun bersama BPBD, satuan perlindungan masyarakat kelurahan, nelayan, "
            "dan tokoh masyarakat. Uraian cara kerja, tahapan, dan kebutuhan pelatihan masih perlu "
            "dilengkapi."
        ),
        "tujuan": (
            "Mempercepat sampainya peringatan pasang tinggi dan cuaca buruk kepada warga pesisir. "
            "Melindungi warga rentan saat terjadi genangan."
        ),
        "manfaat": (
            "Warga memiliki waktu lebih panjang untuk mengamankan diri dan harta bendanya. Kelurahan "
            "memiliki daftar warga rentan yang siap digunakan saat keadaan darurat."
        ),
        "hasil": (
            "Diharapkan setiap RT pesisir memiliki koordinator siaga, daftar warga rentan, dan titik "
            "kumpul. Peringatan dini diharapkan sampai kepada warga sebelum air pasang mencapai "
            "permukiman."
        ),
        "latitude": -3.997,
        "longitude": 119.621,
        "budget": 10_000_000,
        "status": "draft",
        "year": 2023,
        "previous_years": [],
        "developed_since": "",
        "revision_notes": {},
        "team": ["ahmad.syukri@parepare.demo"],
        "video_url": "",
    },
]

if __name__ == "__main__":
    import datetime
    import re

    errors: list[str] = []

    def check(condition: bool, message: str) -> None:
        if not condition:
            errors.append(message)

    def valid_nip(nip: str) -> bool:
        if len(nip) != 18 or not nip.isdigit():
            return False
        try:
            birth = datetime.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
            appointed = datetime.date(int(nip[8:12]), int(nip[12:14]), 1)
        except ValueError:
            return False
        age = appointed.year - birth.year
        return 18 <= age <= 40 and appointed.year <= 2023 and nip[14] in "12" and nip[15:] != "000"

    def sentences(text: str) -> int:
        text = text.replace("! ", ". ").replace("? ", ". ").strip()
        return len([part for part in text.split(". ") if part.strip()])

    BASIC_URUSAN = [
        "Pendidikan",
        "Kesehatan",
        "Pekerjaan Umum dan Penataan Ruang",
        "Perumahan Rakyat dan Kawasan Permukiman",
        "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat",
        "Sosial",
    ]
    ALL_URUSAN = BASIC_URUSAN + [
        "Tenaga Kerja",
        "Pemberdayaan Perempuan dan Pelindungan Anak",
        "Pangan",
        "Pertanahan",
        "Lingkungan Hidup",
        "Administrasi Kependudukan dan Pencatatan Sipil",
        "Pemberdayaan Masyarakat dan Desa",
        "Pengendalian Penduduk dan Keluarga Berencana",
        "Perhubungan",
        "Komunikasi dan Informatika",
        "Koperasi, Usaha Kecil, dan Menengah",
        "Penanaman Modal",
        "Kepemudaan dan Olah Raga",
        "Statistik",
        "Persandian",
        "Kebudayaan",
        "Perpustakaan",
        "Kearsipan",
        "Kelautan dan Perikanan",
        "Pariwisata",
        "Pertanian",
        "Kehutanan",
        "Energi dan Sumber Daya Mineral",
        "Perdagangan",
        "Perindustrian",
        "Transmigrasi",
    ]
    KINDS = {
        "sekretariat_daerah",
        "bagian",
        "inspektorat",
        "dinas",
        "badan",
        "kecamatan",
        "kelurahan",
        "puskesmas",
        "rsud",
        "uptd",
    }
    SKPD_KINDS = {"dinas", "badan", "inspektorat", "rsud"}
    STATUSES = [
        "draft",
        "diajukan",
        "sedang_divalidasi",
        "perlu_revisi",
        "disetujui",
        "siap_kirim",
        "terkirim",
    ]

    # Units.
    units = {u["key"]: u for u in UNITS}
    check(len(units) == len(UNITS) == 40, f"expected 40 unique unit keys, got {len(units)}/{len(UNITS)}")
    for u in UNITS:
        check(
            set(u) == {"key", "name", "short_name", "kind", "parent", "head_name", "head_nip", "in_lab"},
            f"unit {u['key']}: wrong fields",
        )
        check(re.fullmatch(r"[a-z0-9_]+", u["key"]) is not None, f"unit {u['key']}: key is not a slug")
        check(u["kind"] in KINDS, f"unit {u['key']}: bad kind {u['kind']}")
        check(u["parent"] is None or u["parent"] in units, f"unit {u['key']}: unknown parent {u['parent']}")
        check(bool(u["name"]) and bool(u["short_name"]) and bool(u["head_name"]), f"unit {u['key']}: empty")
        if u["key"] != "bappeda":
            check(valid_nip(u["head_nip"]), f"unit {u['key']}: bad head_nip {u['head_nip']!r}")
        check(u["in_lab"] is (u["key"] != "setda"), f"unit {u['key']}: wrong in_lab")
    bappeda = units["bappeda"]
    check(
        bappeda["kind"] == "badan"
        and bappeda["head_name"] == "Zulkarnaen Nasrun"
        and bappeda["head_nip"] == "",
        "bappeda: kind, head or NIP wrong",
    )
    check(units["setda"]["kind"] == "sekretariat_daerah", "setda: wrong kind")
    lab = [u for u in UNITS if u["in_lab"]]
    skpd = [u for u in lab if u["kind"] in SKPD_KINDS and u["key"] != "bappeda"]
    counts = {
        kind: sum(1 for u in lab if u["kind"] == kind)
        for kind in ("bagian", "kecamatan", "kelurahan", "puskesmas", "uptd")
    }
    check(len(lab) == 39, f"expected 39 lab units, got {len(lab)}")
    check(len(skpd) == 16, f"expected 16 SKPD, got {len(skpd)}")
    expected = {"bagian": 2, "kecamatan": 2, "kelurahan": 6, "puskesmas": 2, "uptd": 10}
    check(counts == expected, f"unit mix {counts} != {expected}")
    for key in ("dinkes", "disdag", "pertanian", "dinas_pkp", "rsud"):
        check(key in units and units[key] in skpd, f"required SKPD {key} missing")
    check(units["rsud"]["kind"] == "rsud", "RSUD Andi Makkasau must have kind rsud")
    for u in lab:
        if u["kind"] == "bagian":
            check(u["parent"] == "setda", f"{u['key']}: bagian must sit under setda")
        if u["kind"] == "kelurahan":
            check(u["parent"] in ("kec_bacukiki", "kec_soreang"), f"{u['key']}: kelurahan parent")
        if u["kind"] == "puskesmas":
            check(u["parent"] == "dinkes", f"{u['key']}: puskesmas parent")
        if u["kind"] == "uptd":
            school = " SMP " in u["name"] or " SD " in u["name"]
            check(u["parent"] == ("dindikbud" if school else "dinas_pupr"), f"{u['key']}: uptd parent")
    uptd_names = [u["name"] for u in lab if u["kind"] == "uptd"]
    check(any("Penerangan Jalan Umum" in n for n in uptd_names), "no UPTD PJU")
    check(any(" SMP " in n for n in uptd_names) and any(" SD " in n for n in uptd_names), "no SMP/SD UPTD")

    # People.
    participant_units = {u["key"] for u in lab if u["key"] != "bappeda"}
    check(len(participant_units) == 38, "expected 38 participant units")
    check(len(PEOPLE) == 65, f"expected 65 people, got {len(PEOPLE)}")
    everyone = PEOPLE + FIXED_ACCOUNTS
    emails = [p["email"] for p in everyone]
    check(len(set(emails)) == len(emails), "duplicate emails")
    nips = [p["nip"] for p in everyone if p["nip"]] + [u["head_nip"] for u in UNITS if u["head_nip"]]
    check(len(set(nips)) == len(nips), "duplicate NIPs")
    phones = [p["phone"] for p in everyone]
    check(len(set(phones)) == len(phones), "duplicate phone numbers")
    for p in everyone:
        check(set(p) == {"email", "full_name", "nip", "phone", "unit", "role"}, f"{p['email']}: wrong fields")
        check(re.fullmatch(r"[a-z0-9.]+@parepare\.demo", p["email"]) is not None, f"bad email {p['email']}")
        check(p["nip"] == "" or valid_nip(p["nip"]), f"{p['email']}: bad NIP {p['nip']!r}")
        check(re.fullmatch(r"08\d{10}", p["phone"]) is not None, f"{p['email']}: bad phone {p['phone']}")
        check(bool(p["full_name"]), f"{p['email']}: empty name")
    per_unit: dict[str, list[str]] = {}
    for p in PEOPLE:
        check(p["role"] == "innovator", f"{p['email']}: role must be innovator")
        check(p["unit"] in participant_units, f"{p['email']}: unit {p['unit']} is not a participant unit")
        per_unit.setdefault(p["unit"], []).append(p["email"])
    for key in participant_units:
        n = len(per_unit.get(key, []))
        low, high = (2, 3) if units[key] in skpd else (1, 3)
        check(low <= n <= high, f"unit {key} has {n} people")
    check(sum(1 for p in PEOPLE if p["nip"] == "") <= 6, "too many people without NIP")
    check(
        any(p["email"] == "inovator.dinkes@parepare.demo" and p["unit"] == "dinkes" for p in PEOPLE),
        "inovator.dinkes missing",
    )
    fixed = {p["email"]: (p["role"], p["unit"]) for p in FIXED_ACCOUNTS}
    check(
        fixed
        == {
            "admin@parepare.demo": ("admin", "bappeda"),
            "verifikator@parepare.demo": ("verifier", "bappeda"),
            "pimpinan@parepare.demo": ("leader", None),
            "coach@parepare.demo": ("coach", None),
            "juri@parepare.demo": ("jury", None),
        },
        f"fixed accounts wrong: {fixed}",
    )

    # Innovations.
    check(len(INNOVATIONS) == 21, f"expected 21 innovations, got {len(INNOVATIONS)}")
    names = [i["name"] for i in INNOVATIONS]
    check(len(set(names)) == len(names), "duplicate innovation names")
    real = [
        ("Eksistensi Call Centre 112", "dinkes"),
        ("Lancar HD", "rsud"),
        ("Juragan KonCer", "disdag"),
        ("Berdaya Srikandi oleh Srikandi", "pertanian"),
        ("Kantong Kreatif Bacukiki", "kec_bacukiki"),
        ("Rabies Centre", "dinkes"),
        ("Call Center Dinas PKP", "dinas_pkp"),
    ]
    for (prefix, unit), inn in zip(real, INNOVATIONS[:7], strict=True):
        check(inn["name"].startswith(prefix) and inn["unit"] == unit, f"real innovation {prefix} misplaced")
        check(inn["status"] in ("disetujui", "siap_kirim", "terkirim"), f"{prefix}: status {inn['status']}")
        check(inn["previous_years"] == [2022], f"{prefix}: previous_years must be [2022]")
    for inn in INNOVATIONS[7:]:
        check(inn["previous_years"] == [], f"{inn['name']}: invented innovation with previous_years")
    fields = {
        "name",
        "unit",
        "tahapan",
        "inisiator",
        "inisiator_name",
        "jenis",
        "bentuk",
        "tematik",
        "urusan_utama",
        "urusan_irisan",
        "trial_date",
        "implementation_date",
        "rancang_bangun",
        "tujuan",
        "manfaat",
        "hasil",
        "latitude",
        "longitude",
        "budget",
        "status",
        "year",
        "previous_years",
        "developed_since",
        "revision_notes",
        "team",
        "video_url",
    }
    drafts = 0
    for inn in INNOVATIONS:
        name = inn["name"]
        check(set(inn) == fields, f"{name}: wrong fields {set(inn) ^ fields}")
        check(inn["unit"] in participant_units, f"{name}: unit {inn['unit']}")
        check(inn["tahapan"] in ("inisiatif", "uji_coba", "penerapan"), f"{name}: tahapan")
        check(
            inn["inisiator"] in ("kepala_daerah", "anggota_dprd", "opd", "asn", "masyarakat"),
            f"{name}: inisiator",
        )
        check(bool(inn["inisiator_name"]), f"{name}: inisiator_name")
        check(inn["jenis"] in ("digital", "non_digital"), f"{name}: jenis")
        check(inn["bentuk"] in ("tata_kelola", "pelayanan_publik", "lainnya"), f"{name}: bentuk")
        check(
            inn["tematik"]
            in (
                "digitalisasi_layanan",
                "penanggulangan_kemiskinan",
                "kemudahan_investasi",
                "prioritas_presiden",
                "non_tematik",
            ),
            f"{name}: tematik",
        )
        check(inn["urusan_utama"] in ALL_URUSAN, f"{name}: urusan_utama {inn['urusan_utama']}")
        irisan = inn["urusan_irisan"]
        check(len(irisan) <= 2 and len(set(irisan)) == len(irisan), f"{name}: urusan_irisan count")
        check(all(x in ALL_URUSAN and x != inn["urusan_utama"] for x in irisan), f"{name}: urusan_irisan")
        trial, implementation = inn["trial_date"], inn["implementation_date"]
        if inn["tahapan"] == "inisiatif":
            check(trial is None and implementation is None, f"{name}: inisiatif must have no dates")
        elif inn["tahapan"] == "uji_coba":
            check(trial is not None and implementation is None, f"{name}: uji_coba has a trial date only")
        else:
            check(trial is not None and implementation is not None, f"{name}: penerapan needs both dates")
        for value in (trial, implementation):
            if value is not None:
                try:
                    day = datetime.date.fromisoformat(value)
                    check(day <= datetime.date(2023, 12, 31), f"{name}: date {value} after 2023")
                except ValueError:
                    errors.append(f"{name}: bad date {value!r}")
        if trial and implementation:
            check(trial <= implementation, f"{name}: trial after implementation")
        words = len(inn["rancang_bangun"].split())
        if inn["status"] == "draft":
            drafts += 1
            check(120 <= words <= 200, f"{name}: draft rancang_bangun has {words} words")
        else:
            check(320 <= words <= 450, f"{name}: rancang_bangun has {words} words")
        for field in ("tujuan", "manfaat", "hasil"):
            n = sentences(inn[field])
            check(2 <= n <= 4, f"{name}: {field} has {n} sentences")
        check(
            -4.05 <= inn["latitude"] <= -3.95 and 119.60 <= inn["longitude"] <= 119.68,
            f"{name}: coordinates outside Parepare",
        )
        check(isinstance(inn["budget"], int) and 0 <= inn["budget"] <= 450_000_000, f"{name}: budget")
        check(inn["status"] in STATUSES, f"{name}: status {inn['status']}")
        check(inn["year"] == 2023, f"{name}: year")
        check(bool(inn["developed_since"]) == bool(inn["previous_years"]), f"{name}: developed_since")
        notes = inn["revision_notes"]
        check(bool(notes) == (inn["status"] == "perlu_revisi"), f"{name}: revision_notes vs status")
        check(
            all(k in fields and isinstance(v, str) and v for k, v in notes.items()),
            f"{name}: revision_notes keys",
        )
        team = inn["team"]
        members = [t for t in team if isinstance(t, str)]
        outsiders = [t for t in team if isinstance(t, dict)]
        check(1 <= len(members) <= 3 and len(outsiders) <= 1, f"{name}: team size")
        check(len(set(members)) == len(members), f"{name}: duplicate team members")
        unit_emails = set(per_unit.get(inn["unit"], []))
        check(all(m in unit_emails for m in members), f"{name}: team member outside unit")
        check(all(set(o) == {"name", "role"} for o in outsiders), f"{name}: outsider shape")
        check(isinstance(inn["video_url"], str), f"{name}: video_url")
    check(drafts == 2, f"expected exactly 2 drafts, got {drafts}")
    for status in STATUSES:
        n = sum(1 for i in INNOVATIONS if i["status"] == status)
        check(n >= 2, f"status {status} used {n} times")
    for field, values in (
        ("tahapan", ("inisiatif", "uji_coba", "penerapan")),
        ("jenis", ("digital", "non_digital")),
        ("bentuk", ("tata_kelola", "pelayanan_publik", "lainnya")),
    ):
        for value in values:
            n = sum(1 for i in INNOVATIONS if i[field] == value)
            check(n >= 3 or (field == "jenis" and n >= 2), f"{field} {value} used {n} times")
    covered = {i["urusan_utama"] for i in INNOVATIONS}
    check(all(u in covered for u in BASIC_URUSAN), f"basic urusan missing: {set(BASIC_URUSAN) - covered}")

    if errors:
        print("\n".join(errors))
        raise SystemExit(1)
    print("ok")
