"""What the demo's lab teams found, chose, designed, did and showed, and how a template becomes one
unit's content; read by demo_work.py and demo.py.

Twelve teams of the 2023 cohort have their own content: the units of the seven real Parepare innovations
(parepare.md) design around those innovations, adding only generic operational detail, and six units
design the invented 2023 innovations of the demo registry. Every other team's content comes from a
template of its unit's kind, filled with the unit's own innovation name, service and people served.
All figures, problems and scores are invented for the demo.
"""

# One row per line reads best in these tables, so their long lines are allowed.
# ruff: noqa: E501

import random
from decimal import Decimal
from typing import Any, NamedTuple

from lumbung.regions.models import Unit


class P(NamedTuple):
    """A problem scored on urgency, seriousness and growth (1–5 each)."""

    title: str
    description: str
    usg: tuple[int, int, int]


class I(NamedTuple):  # noqa: E742 (short names keep the tables readable)
    """An idea; `problem` is the index of the problem it answers. A team's first idea is the chosen one."""

    title: str
    description: str
    problem: int


class M(NamedTuple):
    """A milestone of the action plan: what, who is responsible, and the expected output."""

    what: str
    who: str
    output: str


class Figures(NamedTuple):
    name: str
    unit: str
    baseline: str
    target: str
    actual: str


class Work(NamedTuple):
    problems: tuple[P, ...]
    ideas: tuple[I, ...]
    name: str
    form: str  # innovations.models.Form
    kind: str  # innovations.models.Kind
    urusan: str  # an Urusan name
    goals: str
    benefits: str
    design: str
    figures: Figures
    milestones: tuple[M, ...]
    pitch: str


class Fill(NamedTuple):
    """How a template becomes one unit's content."""

    template: str
    name: str
    service: str
    users: str
    urusan: str


# The eight readiness aspects, each with the question the team answers from 1 to 5.
READINESS = (
    ("Kepemimpinan", "Pimpinan unit mendukung inovasi dengan arahan, waktu, dan keputusan yang dibutuhkan."),
    ("Budaya kerja", "Pegawai terbiasa mencoba cara baru dan tidak takut salah saat memperbaiki layanan."),
    ("SDM", "Unit punya pegawai dengan waktu dan keterampilan yang cukup untuk mengerjakan inovasi."),
    ("Anggaran", "Tersedia anggaran, atau jalan untuk mendapatkannya, bagi uji coba dan penerapan inovasi."),
    ("Data dan informasi", "Unit mengumpulkan dan memakai data layanan untuk mengenali masalah."),
    ("Teknologi", "Sarana dan teknologi yang ada memadai untuk mendukung perbaikan layanan."),
    ("Kolaborasi", "Unit terbiasa bekerja sama dengan perangkat daerah lain, masyarakat, dan mitra."),
    ("Regulasi", "Aturan dan kebijakan yang berlaku memberi ruang bagi unit untuk berinovasi."),
)

PS, GOV, OTHER = "pelayanan_publik", "tata_kelola", "lainnya"
DIGITAL, NON_DIGITAL = "digital", "non_digital"

# The units of the seven real Parepare innovations (two of them Dinas Kesehatan's).
REAL = ("dinkes", "rsud", "disdag", "pertanian", "kec_bacukiki", "dinas_pkp")

SPECIFIC_2023: dict[str, Work] = {
    "dinkes": Work(
        (
            P("Waktu tanggap ambulans panggilan 112 belum terukur", "Panggilan dicatat di buku; jam terima, berangkat dan tiba tidak pernah direkap, sehingga keterlambatan sulit diperbaiki.", (5, 4, 4)),
            P("Banyak panggilan 112 bukan kegawatdaruratan", "Pertanyaan umum dan panggilan iseng menyita saluran dan petugas jaga.", (4, 3, 4)),
            P("Warga belum tahu layanan 112 gratis", "Di posyandu banyak warga mengira layanan ambulans berbayar.", (3, 4, 4)),
        ),
        (
            I("Dasbor waktu tanggap Call Centre 112", "Setiap panggilan dicatat di aplikasi dengan jam terima, berangkat dan tiba, lalu direkap tiap minggu.", 0),
            I("Skrining panggilan dengan daftar pertanyaan baku", "Petugas memakai lima pertanyaan baku untuk memilah panggilan darurat.", 1),
            I("Sosialisasi 112 gratis lewat kader posyandu", "Kader membagikan kartu nomor 112 saat kegiatan posyandu.", 2),
        ),
        "Eksistensi Call Centre 112 (Pelayanan Kesehatan Gratis Terintegrasi)", PS, DIGITAL, "Kesehatan",
        "Memperpendek waktu tanggap layanan gawat darurat 112 dan menjadikannya terukur setiap minggu.",
        "Pasien gawat darurat lebih cepat ditangani; pimpinan punya data untuk menempatkan ambulans dan petugas.",
        "Call Centre 112 sudah melayani warga tanpa biaya, tetapi waktu tanggapnya belum pernah diukur. Tim "
        "mengganti buku catatan dengan formulir digital yang merekam jam panggilan diterima, ambulans berangkat "
        "dan tiba di lokasi. Rekap mingguan tampil di dasbor yang dibahas dalam rapat evaluasi bidang pelayanan "
        "kesehatan. Petugas jaga dilatih memakai daftar pertanyaan baku agar panggilan darurat didahulukan. "
        "Puskesmas dan RSUD Andi Makkasau menerima pemberitahuan yang sama sehingga rujukan tidak menunggu.",
        Figures("Rata-rata waktu tanggap ambulans 112", "menit", "27", "15", "18"),
        (
            M("Menyusun formulir pencatatan panggilan digital", "Koordinator Call Centre 112", "Formulir dipakai semua petugas jaga"),
            M("Melatih petugas jaga mencatat waktu tanggap", "Seksi Pelayanan Kesehatan Rujukan", "Seluruh petugas jaga terlatih"),
            M("Menyusun dasbor rekap mingguan", "Pengelola data Dinas Kesehatan", "Dasbor waktu tanggap tayang"),
            M("Rapat evaluasi waktu tanggap pertama", "Kepala Bidang Pelayanan Kesehatan", "Notulen dan rencana perbaikan"),
        ),
        "Call Centre 112 Parepare kini tidak hanya gratis, tetapi juga terukur: setiap panggilan tercatat dari "
        "detik diterima sampai ambulans tiba, dan rata-rata waktu tanggap turun dari 27 menjadi 18 menit dalam "
        "dua minggu uji coba.",
    ),
    "rsud": Work(
        (
            P("Pasien hemodialisa terlambat atau menunda jadwal", "Kendala transportasi membuat pasien lansia datang terlambat atau tidak datang.", (5, 5, 3)),
            P("Rute penjemputan disusun manual setiap hari", "Petugas menyusun rute dari catatan kertas sehingga sering berubah mendadak.", (3, 3, 4)),
            P("Keluarga tidak tahu jam penjemputan", "Keluarga menunggu lama karena jam jemput tidak dikabarkan.", (4, 2, 3)),
        ),
        (
            I("Rute antar jemput mengikuti jadwal tindakan", "Rute disusun mingguan dari jadwal unit hemodialisa, pasien berdekatan dijemput sekali jalan.", 0),
            I("Konfirmasi jadwal lewat pesan singkat", "Keluarga menerima pesan sehari sebelum penjemputan.", 2),
        ),
        "Lancar HD (Layanan Antar Jemput Pasien Hemodialisa)", PS, NON_DIGITAL, "Kesehatan",
        "Menjamin pasien hemodialisa tiba tepat jadwal cuci darah tanpa terkendala transportasi.",
        "Jadwal tindakan tidak tertunda; keluarga pasien penyakit kronis tidak menanggung ongkos kendaraan.",
        "Tim mengembangkan layanan antar jemput Lancar HD agar rutenya tidak lagi disusun mendadak. Setiap Jumat "
        "perawat unit hemodialisa menyerahkan jadwal tindakan minggu berikutnya, lalu petugas kendaraan menyusun "
        "rute sehingga pasien yang tinggal berdekatan dijemput dalam satu perjalanan. Sehari sebelumnya keluarga "
        "menerima pesan berisi jam jemput. Pendamping memastikan pasien pulang setelah perawat menyatakan "
        "kondisinya layak. Ketepatan waktu dicatat dan dibahas dalam evaluasi bulanan rumah sakit.",
        Figures("Pasien hemodialisa yang tiba tepat jadwal", "persen", "78", "95", "92"),
        (
            M("Mendata alamat dan jadwal tindakan pasien rutin", "Kepala Ruang Hemodialisa", "Daftar pasien dan kebutuhan jemput"),
            M("Menyusun rute mingguan dan SOP antar jemput", "Kepala Instalasi Ambulans", "SOP ditandatangani direktur"),
            M("Uji coba pesan konfirmasi jadwal", "Petugas pendaftaran", "Pesan terkirim ke semua keluarga pasien"),
        ),
        "Lancar HD menjemput pasien cuci darah dari rumah dan mengantarnya pulang; dengan rute mingguan yang "
        "mengikuti jadwal tindakan, 92 persen pasien kini tiba tepat waktu.",
    ),
    "disdag": Work(
        (
            P("Timbangan pedagang pasar tidak ditera ulang", "Banyak timbangan di pasar tradisional melewati masa tera.", (4, 4, 4)),
            P("Konsumen tidak punya cara memeriksa timbangan", "Pembeli yang curiga tidak tahu ke mana memeriksa berat belanjaan.", (4, 3, 3)),
            P("Data pedagang dan alat ukur tersebar", "Data tera ulang hanya ada di berkas petugas metrologi.", (3, 3, 3)),
        ),
        (
            I("Pos timbangan jujur di setiap pasar", "Timbangan acuan bertera sah untuk memeriksa berat belanjaan.", 1),
            I("Tera ulang keliling di pasar", "Petugas metrologi membuka layanan tera ulang langsung di pasar.", 0),
            I("Stiker pedagang jujur", "Pedagang yang timbangannya sah mendapat stiker di lapaknya.", 0),
        ),
        "Juragan KonCer (Jujur Timbanganku untuk Konsumen Cerdas)", PS, NON_DIGITAL, "Perdagangan",
        "Melindungi konsumen pasar dari kecurangan timbangan dan mendorong pedagang menera ulang alat ukurnya.",
        "Konsumen bisa memeriksa sendiri berat belanjaannya; pedagang jujur mendapat kepercayaan pembeli.",
        "Juragan KonCer menempatkan pos timbangan jujur di Pasar Lakessi dan Pasar Senggol. Konsumen menimbang "
        "ulang belanjaannya pada timbangan acuan yang bertera sah. Bila berbeda, petugas pasar mencatat lapak "
        "tersebut dan petugas metrologi menera ulang timbangannya di tempat. Pedagang yang timbangannya sah "
        "mendapat stiker Pedagang Jujur. Data tera ulang dihimpun dalam satu daftar agar jadwal tera berikutnya "
        "tidak terlewat. "
        "Hasil pemeriksaan di pos timbangan direkap setiap bulan dan dipakai untuk menentukan pasar yang didahulukan dalam tera ulang berikutnya.",
        Figures("Timbangan pedagang pasar yang bertanda tera sah", "persen", "41", "75", "68"),
        (
            M("Menyiapkan dua pos timbangan jujur", "Kepala UPT Metrologi Legal", "Dua pos berdiri dan bertera"),
            M("Tera ulang keliling di Pasar Lakessi", "Penera Ahli", "Timbangan pedagang bertera ulang"),
            M("Membagikan stiker Pedagang Jujur", "Kepala Bidang Perlindungan Konsumen", "Stiker terpasang di lapak"),
        ),
        "Juragan KonCer membuat konsumen cerdas dan pedagang jujur: pos timbangan acuan di pasar dan tera ulang "
        "di tempat menaikkan timbangan bertera sah dari 41 menjadi 68 persen.",
    ),
    "pertanian": Work(
        (
            P("Kelompok wanita tani belum punya pasar tetap", "Hasil olahan dijual hanya saat pameran.", (4, 4, 3)),
            P("Olahan hasil pertanian dan perikanan belum berizin", "Produk belum punya izin PIRT sehingga sulit masuk toko.", (3, 4, 4)),
            P("Penyuluh lapangan terbatas", "Satu penyuluh mendampingi banyak kelompok.", (3, 3, 3)),
        ),
        (
            I("Pendampingan sebaya antarkelompok perempuan", "Kelompok yang sudah berhasil mendampingi kelompok baru.", 0),
            I("Klinik izin PIRT bersama Dinas Kesehatan", "Pengurusan izin dibantu dalam satu hari layanan.", 1),
        ),
        "Berdaya Srikandi oleh Srikandi", OTHER, NON_DIGITAL, "Pertanian",
        "Memberdayakan ekonomi perempuan pelaku usaha olahan hasil pertanian dan perikanan.",
        "Pendapatan rumah tangga naik; produk olahan lokal berizin dan punya pasar tetap.",
        "Berdaya Srikandi oleh Srikandi memasangkan kelompok wanita tani dan pengolah ikan yang sudah berhasil "
        "dengan kelompok yang baru mulai. Pendamping sebaya berbagi resep, cara mengemas dan menghitung harga "
        "jual. Dinas membantu pengurusan izin PIRT bersama Dinas Kesehatan dan menghubungkan kelompok dengan toko "
        "oleh-oleh serta kantin perkantoran. Setiap bulan kelompok melaporkan produksi dan penjualan untuk "
        "dibahas bersama penyuluh. "
        "Keberhasilan diukur dari jumlah kelompok yang produknya berizin dan rutin terjual, bukan dari jumlah pelatihan yang diadakan.",
        Figures("Kelompok perempuan dengan produk olahan berizin", "kelompok", "4", "12", "10"),
        (
            M("Memasangkan kelompok pendamping dan kelompok baru", "Koordinator Penyuluh", "Daftar pasangan kelompok"),
            M("Klinik izin PIRT", "Seksi Pengolahan Hasil", "Berkas izin terkirim"),
            M("Temu dagang dengan toko oleh-oleh", "Kepala Bidang Ketahanan Pangan", "Kesepakatan titip jual"),
            M("Rekap produksi dan penjualan bulan pertama", "Penyuluh pendamping", "Laporan penjualan kelompok"),
        ),
        "Srikandi membantu Srikandi: perempuan yang sudah berhasil mendampingi kelompok baru, dan dalam dua minggu "
        "enam kelompok mengajukan izin PIRT.",
    ),
    "kec_bacukiki": Work(
        (
            P("Anak muda tidak punya ruang berkegiatan", "Komunitas berkumpul di pinggir jalan tanpa tempat tetap.", (4, 3, 4)),
            P("Pelaku usaha kreatif belum terdata", "Kecamatan tidak tahu siapa dan di mana pelaku kreatifnya.", (3, 3, 3)),
        ),
        (
            I("Kantong kreatif di aula kelurahan", "Aula kelurahan dibuka sore hari untuk komunitas terjadwal.", 0),
            I("Peta pelaku kreatif Bacukiki", "Pendataan pelaku kreatif per kelurahan.", 1),
        ),
        "Kantong Kreatif Bacukiki", OTHER, NON_DIGITAL, "Pemberdayaan Masyarakat dan Desa",
        "Mengembangkan komunitas kreatif di Kecamatan Bacukiki dengan ruang dan jadwal kegiatan yang tetap.",
        "Anak muda punya tempat berkarya; produk kreatif warga lebih dikenal dan mudah dipasarkan.",
        "Kantong Kreatif Bacukiki membuka aula kantor kecamatan dan kelurahan pada sore hari untuk komunitas "
        "musik, kriya, fotografi dan kuliner. Jadwal pemakaian disusun bersama karang taruna. Kecamatan mendata "
        "pelaku kreatif per kelurahan dan mengundang mereka ke pameran bulanan di halaman kantor camat. Pelatihan "
        "singkat tentang pemasaran daring diberikan oleh relawan dan mitra usaha setempat. "
        "Setiap komunitas mencatat kegiatan dan pesertanya, sehingga kecamatan dapat menilai kantong kreatif mana yang perlu dibantu sarana atau pemasaran.",
        Figures("Komunitas kreatif yang aktif berkegiatan", "komunitas", "3", "10", "8"),
        (
            M("Menyusun jadwal pemakaian aula bersama karang taruna", "Kasi Pemberdayaan Masyarakat", "Jadwal aula"),
            M("Mendata pelaku kreatif per kelurahan", "Lurah se-Kecamatan Bacukiki", "Daftar pelaku kreatif"),
            M("Pameran kreatif pertama", "Sekretaris Kecamatan", "Pameran terlaksana"),
        ),
        "Kantong Kreatif Bacukiki memberi anak muda ruang berkarya: aula yang sepi di sore hari kini dipakai "
        "delapan komunitas secara terjadwal.",
    ),
    "dinas_pkp": Work(
        (
            P("Permohonan bantuan rumah tidak layak huni sulit dilacak", "Pemohon harus datang ke kantor untuk menanyakan statusnya.", (4, 4, 3)),
            P("Pengaduan PSU perumahan lambat ditangani", "Pengaduan lewat surat baru terbaca berhari-hari kemudian.", (4, 3, 3)),
            P("Informasi syarat bantuan berbeda-beda", "Warga menerima keterangan berbeda dari petugas berbeda.", (3, 3, 2)),
        ),
        (
            I("Call center dengan nomor tiket", "Setiap pertanyaan dan pengaduan mendapat nomor tiket yang bisa dilacak.", 0),
            I("Lembar syarat bantuan yang baku", "Satu lembar syarat yang sama untuk semua petugas.", 2),
        ),
        "Call Center Dinas PKP", PS, DIGITAL, "Perumahan Rakyat dan Kawasan Permukiman",
        "Memudahkan warga bertanya, mengadu dan melacak permohonan bantuan perumahan tanpa datang ke kantor.",
        "Warga menghemat waktu dan ongkos; dinas tahu pengaduan mana yang belum ditangani.",
        "Call Center Dinas PKP menerima telepon dan pesan WhatsApp pada jam kerja. Setiap pertanyaan, permohonan "
        "bantuan rumah tidak layak huni atau pengaduan prasarana perumahan mendapat nomor tiket. Operator "
        "meneruskan tiket ke bidang terkait, dan bidang wajib memberi tanggapan paling lama tiga hari kerja. Warga "
        "dapat menanyakan status dengan menyebut nomor tiketnya. Rekap tiket dibahas setiap Senin pagi. "
        "Nomor call center dicetak pada setiap surat, spanduk kantor, dan media sosial dinas agar mudah ditemukan warga.",
        Figures("Pengaduan yang ditanggapi dalam 3 hari kerja", "persen", "35", "80", "74"),
        (
            M("Menetapkan nomor call center dan jam layanan", "Sekretaris Dinas", "Nomor dan jam layanan diumumkan"),
            M("Menyusun daftar tiket dan alur penerusan", "Operator call center", "Daftar tiket dipakai"),
            M("Rapat rekap tiket mingguan pertama", "Kepala Bidang Perumahan", "Notulen tindak lanjut"),
        ),
        "Satu nomor untuk semua urusan perumahan: setiap warga mendapat nomor tiket, dan 74 persen pengaduan kini "
        "ditanggapi dalam tiga hari kerja.",
    ),
    "kec_soreang": Work(
        (
            P("Warga lansia sulit datang ke kantor kecamatan", "Lansia dan penyandang disabilitas bergantung pada keluarga untuk mengurus surat.", (4, 3, 3)),
            P("Berkas administrasi sering kurang lengkap", "Warga pulang dan datang lagi karena syarat kurang.", (3, 3, 3)),
        ),
        (
            I("Pelayanan administrasi keliling ke kelurahan", "Petugas kecamatan membuka layanan bergilir di tiap kelurahan.", 0),
            I("Daftar periksa syarat di tiap RT", "Ketua RT memegang daftar syarat terbaru.", 1),
        ),
        "SOREANG MENYAPA (Pelayanan Administrasi Terpadu Kecamatan Keliling)", PS, NON_DIGITAL,
        "Administrasi Kependudukan dan Pencatatan Sipil",
        "Mendekatkan pelayanan administrasi kecamatan kepada warga yang sulit datang ke kantor.",
        "Warga lansia dan penyandang disabilitas terlayani di dekat rumahnya; berkas lengkap sejak awal.",
        "Soreang Menyapa membawa petugas pelayanan kecamatan ke kantor kelurahan secara bergilir setiap Selasa "
        "dan Kamis. Jadwal diumumkan lewat ketua RT dan masjid. Warga membawa berkas yang sudah diperiksa ketua RT "
        "dengan daftar syarat yang sama. Surat yang bisa diselesaikan di tempat langsung diserahkan; sisanya "
        "diantar kembali oleh petugas kelurahan. Petugas Disdukcapil ikut pada jadwal tertentu. "
        "Setiap layanan keliling dicatat jenis dan lama penyelesaiannya, sehingga jadwal putaran berikutnya dapat disesuaikan dengan kebutuhan kelurahan.",
        Figures("Layanan administrasi selesai di lokasi keliling", "layanan", "0", "300", "240"),
        (
            M("Menyusun jadwal keliling tujuh kelurahan", "Sekretaris Kecamatan", "Jadwal keliling"),
            M("Membagikan daftar syarat ke ketua RT", "Lurah se-Kecamatan Soreang", "Daftar syarat di setiap RT"),
            M("Pelayanan keliling putaran pertama", "Kasi Pelayanan Umum", "Laporan layanan per kelurahan"),
        ),
        "Soreang Menyapa: kantor kecamatan yang datang ke kelurahan, dengan 240 layanan selesai di tempat dalam "
        "putaran pertama.",
    ),
    "kel_lemoe": Work(
        (
            P("Sampah dibuang ke saluran dan lahan kosong", "Saluran tersumbat dan banjir kecil saat hujan.", (4, 4, 4)),
            P("Warga belum memilah sampah", "Sampah plastik bercampur sampah dapur.", (3, 3, 4)),
        ),
        (
            I("Tabungan sampah terpilah warga", "Warga menabung sampah plastik dan kertas yang ditimbang dan dicatat.", 0),
            I("Kerja bakti saluran bergilir", "Jadwal kerja bakti per RW.", 0),
        ),
        "TABUNG SAMPAH LEMOE (Tabungan Berbasis Sampah Warga Lemoe)", OTHER, NON_DIGITAL, "Lingkungan Hidup",
        "Mengurangi sampah yang dibuang ke saluran dan lahan kosong dengan menjadikannya tabungan warga.",
        "Lingkungan lebih bersih; warga mendapat tabungan yang bisa dipakai membayar iuran atau kebutuhan sekolah.",
        "Tabung Sampah Lemoe membuka pos penimbangan setiap Sabtu pagi di kantor kelurahan. Warga membawa sampah "
        "plastik, kertas dan logam yang sudah dipilah; kader mencatat beratnya di buku tabungan. Hasil penjualan "
        "ke pengepul dibagikan sebagai saldo tabungan. Dinas Lingkungan Hidup melatih kader memilah dan menimbang, "
        "dan ketua RT mengajak warga yang rumahnya dekat saluran. "
        "Saldo tabungan dapat diambil menjelang tahun ajaran baru atau dipakai membayar iuran kebersihan, sehingga warga merasakan manfaatnya langsung.",
        Figures("Rumah tangga yang menabung sampah terpilah", "KK", "0", "150", "96"),
        (
            M("Melatih kader bank sampah", "Kasi Pemberdayaan Masyarakat", "Sepuluh kader terlatih"),
            M("Menyiapkan pos penimbangan dan buku tabungan", "Sekretaris Kelurahan", "Pos penimbangan siap"),
            M("Penimbangan perdana", "Ketua kader bank sampah", "Daftar penabung pertama"),
        ),
        "Di Lemoe sampah menjadi tabungan: 96 rumah tangga memilah sampahnya setiap minggu, dan saluran yang dulu "
        "tersumbat kini bersih.",
    ),
    "uptd_sdn14": Work(
        (
            P("Siswa kelas 2 belum lancar membaca", "Hampir separuh siswa kelas 2 masih mengeja.", (5, 4, 3)),
            P("Orang tua jarang mendampingi belajar di rumah", "Banyak orang tua bekerja hingga sore.", (3, 3, 3)),
        ),
        (
            I("Sahabat pendamping anak belajar membaca", "Siswa kelas 5 dan relawan mendampingi adik kelas membaca.", 0),
            I("Buku bacaan bergilir ke rumah", "Satu tas buku dibawa pulang bergantian.", 1),
        ),
        "SAPA ANAK (Sahabat Pendamping Anak Belajar Membaca)", OTHER, NON_DIGITAL, "Pendidikan",
        "Membantu siswa kelas awal lancar membaca lewat pendampingan sebaya dan relawan.",
        "Siswa lebih percaya diri di kelas; guru punya data kemajuan membaca setiap siswa.",
        "Sapa Anak memasangkan siswa kelas 2 yang belum lancar membaca dengan kakak pendamping dari kelas 5 dan "
        "relawan orang tua. Tiga kali seminggu selama 20 menit sebelum pelajaran dimulai mereka membaca buku "
        "berjenjang dari pojok baca. Wali kelas mencatat kemajuan tiap siswa dalam kartu membaca dan membahasnya "
        "dengan orang tua saat pembagian rapor. "
        "Siswa yang sudah lancar membaca diajak menjadi pendamping pada semester berikutnya, sehingga kegiatan ini berlanjut tanpa biaya tambahan.",
        Figures("Siswa kelas 2 yang lancar membaca", "persen", "58", "80", "71"),
        (
            M("Asesmen awal kemampuan membaca", "Wali kelas 2", "Daftar siswa yang perlu pendampingan"),
            M("Melatih kakak pendamping dan relawan", "Guru kelas 5", "Pendamping siap"),
            M("Pendampingan membaca tiga minggu", "Koordinator literasi", "Kartu membaca terisi"),
        ),
        "Sapa Anak: kakak kelas menjadi sahabat membaca, dan siswa kelas 2 yang lancar membaca naik dari 58 menjadi "
        "71 persen.",
    ),
    "kel_ujung_lare": Work(
        (
            P("Warga pesisir terlambat menerima peringatan rob", "Informasi pasang tinggi baru sampai saat air masuk rumah.", (5, 4, 3)),
            P("Data rumah rawan rob belum ada", "Kelurahan tidak tahu berapa rumah dan warga rentan yang terdampak.", (3, 3, 3)),
            P("Saluran di pesisir tersumbat", "Air rob surut lama karena saluran tersumbat.", (3, 4, 2)),
        ),
        (
            I("Grup peringatan dini per RT pesisir", "Informasi pasang tinggi dari BMKG diteruskan ke grup RT.", 0),
            I("Peta rumah rawan rob", "Pendataan rumah dan warga rentan di pesisir.", 1),
        ),
        "SIAGA PESISIR (Sistem Informasi dan Aksi Warga Tanggap Pesisir)", PS, NON_DIGITAL,
        "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat",
        "Mempercepat peringatan pasang tinggi kepada warga pesisir dan menyiapkan aksi warga.",
        "Warga sempat menyelamatkan barang dan membantu lansia sebelum air masuk rumah.",
        "Siaga Pesisir membentuk grup peringatan di setiap RT pesisir Ujung Lare. Petugas kelurahan meneruskan "
        "prakiraan pasang tinggi dan cuaca ke grup, lalu ketua RT mengumumkannya lewat pengeras suara masjid. "
        "Kelurahan mendata rumah rawan rob dan warga rentan yang perlu dibantu lebih dulu. Relawan pesisir "
        "dilatih BPBD dan membersihkan saluran bersama warga setiap bulan. "
        "Setelah setiap kejadian rob, kelurahan dan relawan menilai kecepatan peringatan dan memperbarui daftar warga yang perlu dibantu.",
        Figures("Rumah tangga pesisir dalam grup peringatan", "KK", "40", "250", "205"),
        (
            M("Membentuk grup peringatan per RT", "Sekretaris Kelurahan", "Grup aktif di enam RT"),
            M("Mendata rumah rawan rob dan warga rentan", "Ketua RT pesisir", "Peta rumah rawan"),
            M("Latihan relawan bersama BPBD", "Lurah Ujung Lare", "Relawan terlatih"),
            M("Kerja bakti saluran pesisir", "Kasi Ketenteraman dan Ketertiban", "Saluran bersih"),
        ),
        "Siaga Pesisir mengubah kabar pasang tinggi menjadi aksi: 205 rumah tangga kini menerima peringatan lebih "
        "dulu dan relawan tahu siapa yang harus dibantu.",
    ),
    "pkm_lompoe": Work(
        (
            P("Banyak penderita hipertensi tidak rutin kontrol", "Pasien datang hanya saat ada keluhan.", (4, 4, 4)),
            P("Skrining hanya di gedung puskesmas", "Warga usia produktif jarang datang ke puskesmas.", (4, 3, 3)),
        ),
        (
            I("Skrining mandiri di lingkungan dengan kader", "Kader mengukur tekanan darah dan gula darah di pos RT.", 1),
            I("Pengingat kontrol lewat pesan", "Pasien menerima pengingat jadwal kontrol.", 0),
        ),
        "SI-MANIS (Skrining Mandiri Hipertensi dan Diabetes di Lingkungan)", PS, DIGITAL, "Kesehatan",
        "Menemukan lebih dini warga dengan hipertensi dan diabetes serta menjaga mereka rutin kontrol.",
        "Komplikasi dapat dicegah; puskesmas punya data risiko warga di wilayahnya.",
        "Si-Manis melatih kader mengukur tekanan darah dan gula darah di pos skrining RT setiap bulan. Hasilnya "
        "dicatat di formulir daring yang dibaca petugas puskesmas. Warga dengan hasil berisiko dirujuk ke "
        "puskesmas dan menerima pengingat jadwal kontrol lewat pesan singkat. Data per RT dipakai untuk "
        "menentukan lokasi penyuluhan. "
        "Kader menerima umpan balik bulanan tentang jumlah warga yang diskrining dan dirujuk, dan RT dengan cakupan terendah didahulukan pada jadwal berikutnya. Alat ukur dipinjamkan puskesmas dan dikalibrasi setiap tiga bulan.",
        Figures("Warga 15 tahun ke atas yang diskrining", "orang", "850", "2000", "1640"),
        (
            M("Melatih kader skrining", "Pemegang program PTM", "Kader terlatih di setiap RW"),
            M("Menyiapkan formulir skrining daring", "Petugas surveilans", "Formulir dipakai kader"),
            M("Skrining serentak di pos RT", "Kepala Tata Usaha Puskesmas", "Data skrining masuk"),
        ),
        "Si-Manis membawa skrining ke lingkungan: kader memeriksa 1.640 warga dalam dua minggu dan yang berisiko "
        "langsung dirujuk.",
    ),
    "uptd_smpn2": Work(
        (
            P("Minat baca siswa rendah", "Rata-rata siswa membaca kurang dari satu buku sebulan.", (4, 3, 4)),
            P("Perpustakaan sepi di luar jam pelajaran", "Perpustakaan tutup pada akhir pekan.", (3, 2, 3)),
        ),
        (
            I("Literasi akhir pekan bersama orang tua", "Siswa dan orang tua membaca bersama setiap Sabtu pagi.", 0),
            I("Perpustakaan buka Sabtu", "Perpustakaan dibuka dengan piket guru.", 1),
        ),
        "GELIAT BACA (Gerakan Literasi Akhir Pekan Bersama Orang Tua)", OTHER, NON_DIGITAL, "Pendidikan",
        "Menumbuhkan kebiasaan membaca siswa dengan melibatkan orang tua pada akhir pekan.",
        "Siswa lebih banyak membaca; orang tua terlibat dalam kegiatan belajar anak.",
        "Geliat Baca membuka perpustakaan sekolah setiap Sabtu pagi. Siswa datang bersama orang tua, memilih "
        "buku, membaca bersama, lalu menuliskan satu kalimat kesan di jurnal baca. Wali kelas merekap jurnal tiap "
        "bulan dan mengumumkan kelas dengan bacaan terbanyak. Komite sekolah membantu menambah koleksi lewat "
        "donasi buku. "
        "Guru bahasa Indonesia memakai jurnal baca sebagai bahan diskusi di kelas, dan siswa dengan jurnal terlengkap mendapat penghargaan setiap semester. Kegiatan ini tidak memerlukan biaya tambahan selain donasi buku.",
        Figures("Rata-rata buku dibaca siswa per bulan", "buku", "0.8", "3", "2.4"),
        (
            M("Menyusun jadwal piket perpustakaan Sabtu", "Kepala perpustakaan sekolah", "Jadwal piket guru"),
            M("Sosialisasi kepada orang tua", "Komite sekolah", "Undangan dan daftar hadir"),
            M("Sabtu membaca bersama pertama", "Wakil Kepala Sekolah Bidang Kurikulum", "Jurnal baca terisi"),
        ),
        "Geliat Baca mengajak orang tua ke perpustakaan setiap Sabtu, dan bacaan siswa naik menjadi 2,4 buku "
        "sebulan.",
    ),
}  # fmt: skip


# Templates by the kind of unit; each unit's figures are varied from the template's. Placeholders: {base},
# {got} (the unit's baseline and actual figure), {name} (the innovation), {unit}, {short}, {service} and
# {users} or {Users} (what the unit serves and to whom, the latter capitalised), {urusan}. A unit's Fill picks the template and fills them.
TEMPLATES: dict[str, Work] = {
    "pengaduan": Work(
        (
            P("Pengaduan {service} tidak tercatat dan sulit dilacak", "Pengaduan masuk lewat telepon pribadi petugas dan tidak terekap.", (4, 4, 3)),
            P("Pelapor tidak mendapat kabar tindak lanjut", "{Users} mengulang pengaduan yang sama karena tidak tahu statusnya.", (4, 3, 3)),
            P("Rekap pengaduan tidak dipakai untuk perbaikan", "Pimpinan tidak tahu keluhan apa yang paling sering muncul.", (3, 3, 3)),
        ),
        (
            I("Kanal pengaduan tunggal dengan nomor tiket", "Satu nomor WhatsApp dan formulir, setiap pengaduan bernomor.", 0),
            I("Kabar otomatis status tindak lanjut", "Pelapor menerima pesan saat pengaduannya ditangani dan selesai.", 1),
            I("Rekap bulanan untuk rapat pimpinan", "Lima keluhan terbanyak dibahas setiap bulan.", 2),
        ),
        "{name}", PS, DIGITAL, "{urusan}",
        "Memastikan setiap pengaduan {service} tercatat, ditindaklanjuti, dan dikabarkan kepada pelapornya.",
        "{Users} tahu pengaduannya ditangani; {short} mengenali masalah yang berulang.",
        "{name} menyatukan pengaduan {service} dalam satu kanal WhatsApp dan formulir daring. Setiap pengaduan "
        "mendapat nomor tiket dan diteruskan ke seksi yang berwenang pada hari yang sama. Seksi wajib memberi "
        "tindak lanjut paling lama lima hari kerja, dan pelapor menerima kabar saat pengaduannya ditangani dan "
        "selesai. Rekap bulanan menunjukkan lima keluhan terbanyak yang dibahas dalam rapat pimpinan {short}.",
        Figures("Pengaduan {service} ditindaklanjuti dalam 5 hari kerja", "persen", "45", "85", "78"),
        (
            M("Menetapkan kanal dan alur pengaduan", "Sekretaris {short}", "SK kanal pengaduan"),
            M("Melatih admin pengaduan di setiap seksi", "Kasubag Umum dan Kepegawaian", "Admin seksi terlatih"),
            M("Uji coba nomor tiket dan kabar tindak lanjut", "Admin pengaduan", "Tiket dan pesan berjalan"),
            M("Rapat rekap pengaduan bulan pertama", "Kepala {short}", "Notulen rapat"),
        ),
        "{name}: setiap pengaduan {service} bernomor tiket, dan {got} persen kini ditindaklanjuti dalam lima hari kerja.",
    ),
    "permohonan": Work(
        (
            P("Pemohon {service} harus datang berulang kali", "Pemohon datang untuk menyerahkan berkas, menanyakan status, dan mengambil hasil.", (4, 4, 3)),
            P("Syarat {service} tidak diumumkan dengan jelas", "Syarat berbeda antara papan pengumuman dan keterangan petugas.", (3, 3, 3)),
            P("Berkas menumpuk di meja verifikasi", "Verifikasi bergantung pada satu petugas.", (4, 3, 2)),
        ),
        (
            I("Permohonan daring dengan pelacakan status", "Berkas diunggah dan statusnya bisa dilihat setiap saat.", 0),
            I("Lembar syarat dan waktu layanan yang baku", "Satu lembar syarat yang sama di semua kanal.", 1),
            I("Verifikasi berkas bergilir", "Dua petugas bergantian memverifikasi.", 2),
        ),
        "{name}", PS, DIGITAL, "{urusan}",
        "Mempercepat layanan {service} dan mengurangi kedatangan berulang {users}.",
        "{Users} cukup datang sekali untuk mengambil hasil; {short} tahu berkas yang tertahan.",
        "{name} memindahkan pengajuan {service} ke formulir daring. Pemohon mengunggah berkas, menerima nomor "
        "permohonan, dan dapat melihat statusnya: diterima, diverifikasi, diproses, atau siap diambil. Syarat dan "
        "waktu layanan diumumkan dalam satu lembar yang sama di kantor dan media sosial {short}. Verifikasi dibagi "
        "kepada dua petugas bergantian, dan permohonan yang lewat batas waktu ditandai untuk kepala seksi. "
        "Rekap bulanan waktu penyelesaian dipakai pimpinan untuk menambah petugas pada tahap yang paling sering tertahan.",
        Figures("Rata-rata waktu penyelesaian {service}", "hari", "10", "4", "5"),
        (
            M("Menyusun lembar syarat dan waktu layanan", "Kepala Seksi Pelayanan", "Lembar syarat terbit"),
            M("Menyiapkan formulir daring dan status permohonan", "Pranata komputer {short}", "Formulir daring aktif"),
            M("Uji coba pada permohonan baru", "Petugas verifikasi", "Permohonan daring pertama selesai"),
        ),
        "{name} membuat layanan {service} bisa dilacak dari rumah; waktu penyelesaian turun dari {base} menjadi {got} hari.",
    ),
    "data": Work(
        (
            P("Data {service} tersebar di berkas masing-masing seksi", "Setiap seksi menyimpan data dalam lembar kerja sendiri.", (4, 3, 4)),
            P("Laporan pimpinan disusun manual setiap bulan", "Penyusunan laporan menyita tiga sampai empat hari kerja.", (3, 3, 3)),
            P("Angka berbeda antarbidang", "Data yang sama dilaporkan dengan angka berbeda.", (3, 4, 3)),
        ),
        (
            I("Satu lembar kerja bersama dan dasbor", "Semua seksi mengisi satu sumber data yang tampil di dasbor.", 0),
            I("Kalender pelaporan", "Tanggal tetap pengisian dan pemeriksaan data.", 1),
            I("Kamus data {short}", "Definisi setiap indikator yang disepakati.", 2),
        ),
        "{name}", GOV, DIGITAL, "{urusan}",
        "Menyatukan data {service} dalam satu sumber yang dipakai bersama dan dibaca pimpinan setiap saat.",
        "Laporan terbit tepat waktu; keputusan tentang {service} didasarkan pada angka yang sama.",
        "{name} menyatukan data {service} yang semula tersebar di lembar kerja tiap seksi. Tim menyusun kamus "
        "data yang mendefinisikan setiap indikator, lalu membuat satu lembar kerja bersama yang diisi seksi pada "
        "tanggal tetap setiap bulan. Dasbor sederhana menampilkan angka terbaru untuk pimpinan {short}, dan "
        "pengelola data memeriksa isian sebelum laporan diterbitkan. "
        "Dengan angka yang sama di semua seksi, rapat pimpinan tidak lagi menghabiskan waktu untuk mencocokkan data dan dapat langsung membahas tindak lanjut.",
        Figures("Laporan bulanan yang terbit tepat waktu", "persen", "50", "100", "92"),
        (
            M("Menyusun kamus data", "Perencana {short}", "Kamus data disepakati"),
            M("Membuat lembar kerja bersama dan dasbor", "Pengelola data", "Dasbor tayang"),
            M("Pengisian data serentak bulan pertama", "Kepala seksi", "Data terisi lengkap"),
            M("Laporan bulanan dari dasbor", "Sekretaris {short}", "Laporan terbit tepat waktu"),
        ),
        "{name}: satu sumber data {service} untuk semua seksi, dan laporan pimpinan kini terbit tepat waktu.",
    ),
    "keliling": Work(
        (
            P("{Users} jauh dari kantor layanan", "Ongkos dan waktu perjalanan membuat warga menunda mengurus {service}.", (4, 3, 3)),
            P("Jam layanan bentrok dengan jam kerja warga", "Banyak warga hanya bisa datang pada akhir pekan.", (3, 3, 3)),
        ),
        (
            I("Layanan keliling terjadwal di kelurahan", "Petugas melayani {service} di kantor kelurahan bergilir.", 0),
            I("Layanan Sabtu pagi", "Kantor membuka loket pada Sabtu pagi.", 1),
        ),
        "{name}", PS, NON_DIGITAL, "{urusan}",
        "Mendekatkan layanan {service} kepada {users} yang sulit datang ke kantor.",
        "{Users} terlayani dekat rumah tanpa ongkos perjalanan; cakupan layanan {short} meningkat.",
        "{name} membawa petugas {short} ke kantor kelurahan secara bergilir dua kali seminggu. Jadwal diumumkan "
        "lewat lurah, ketua RT dan media sosial. {Users} membawa berkas yang sudah diperiksa dengan daftar syarat "
        "yang sama, dan layanan {service} yang bisa diselesaikan di tempat langsung diserahkan. Berkas yang perlu "
        "diproses di kantor diantar kembali melalui kelurahan. "
        "Setiap putaran dicatat jumlah dan jenis layanannya, sehingga lokasi dan jadwal berikutnya dapat disesuaikan dengan kebutuhan {users}.",
        Figures("{Users} terlayani di lokasi keliling", "orang", "0", "400", "310"),
        (
            M("Menyusun jadwal keliling bersama kecamatan", "Kepala Seksi Pelayanan", "Jadwal keliling"),
            M("Menyiapkan perlengkapan dan petugas", "Kasubag Umum", "Tim keliling siap"),
            M("Layanan keliling putaran pertama", "Koordinator tim keliling", "Laporan layanan"),
        ),
        "{name} melayani {service} di kelurahan: {got} orang terlayani tanpa harus datang ke kantor.",
    ),
    "antrean": Work(
        (
            P("Antrean {service} menumpuk di pagi hari", "Pemohon datang sejak subuh untuk mendapat nomor antrean.", (4, 3, 4)),
            P("Pemohon tidak tahu perkiraan waktu tunggu", "Ruang tunggu penuh dan pemohon tidak tahu kapan dipanggil.", (3, 2, 3)),
        ),
        (
            I("Antrean daring dengan jam kedatangan", "Pemohon memilih hari dan jam datang lewat tautan.", 0),
            I("Layar antrean dan pengumuman", "Nomor yang dipanggil tampil di layar dan grup.", 1),
        ),
        "{name}", PS, DIGITAL, "{urusan}",
        "Mengurai antrean {service} dengan membagi kedatangan {users} ke jam yang dipilih sendiri.",
        "Waktu tunggu berkurang; ruang tunggu tidak lagi penuh sesak.",
        "{name} membuka antrean daring untuk layanan {service}. {Users} memilih hari dan jam kedatangan lewat "
        "tautan atau WhatsApp, lalu menerima nomor dan daftar syarat. Kuota setiap jam disesuaikan dengan jumlah "
        "petugas. Loket tetap melayani pemohon yang datang langsung pada jam yang tersisa, dan layar antrean "
        "menampilkan nomor yang sedang dilayani. "
        "Rekap waktu tunggu harian dipakai untuk menambah petugas pada hari dan jam yang paling ramai.",
        Figures("Rata-rata waktu tunggu {service}", "menit", "95", "30", "40"),
        (
            M("Menetapkan kuota per jam dan alur antrean", "Kepala Seksi Pelayanan", "Kuota dan alur disepakati"),
            M("Menyiapkan tautan antrean dan layar", "Pranata komputer {short}", "Antrean daring aktif"),
            M("Sosialisasi antrean daring", "Kasubag Umum", "Pengumuman di kantor dan media sosial"),
            M("Evaluasi waktu tunggu dua minggu", "Sekretaris {short}", "Rekap waktu tunggu"),
        ),
        "{name}: {users} datang pada jam yang dipilihnya, dan waktu tunggu {service} turun dari {base} menjadi {got} menit.",
    ),
    "maklumat": Work(
        (
            P("Standar pelayanan {service} belum dipahami", "Standar ada di dokumen tetapi tidak dipajang dan tidak dikenal petugas baru.", (3, 3, 3)),
            P("Keluhan {users} berulang pada hal yang sama", "Keluhan tentang kejelasan informasi muncul setiap bulan.", (4, 3, 3)),
            P("Survei kepuasan hanya setahun sekali", "Hasil survei datang terlambat untuk perbaikan.", (3, 2, 3)),
        ),
        (
            I("Maklumat pelayanan dan survei kepuasan dengan kode QR", "Standar dipajang; {users} menilai layanan setelah dilayani.", 1),
            I("Pembekalan petugas baru", "Petugas baru mempelajari standar pelayanan di minggu pertama.", 0),
        ),
        "{name}", PS, DIGITAL, "{urusan}",
        "Membuat standar pelayanan {service} dikenal semua pihak dan menilai kepuasan {users} setiap bulan.",
        "Keluhan berulang berkurang; perbaikan layanan didasarkan pada penilaian {users}.",
        "{name} memajang maklumat dan standar pelayanan {service} di ruang layanan dan media sosial {short}. "
        "Setelah dilayani, {users} memindai kode QR untuk menilai layanan dan menulis saran. Hasilnya direkap "
        "setiap bulan dan dibahas bersama petugas, lalu perbaikan yang disepakati diumumkan kembali kepada "
        "{users}. Petugas baru mempelajari standar pelayanan pada minggu pertamanya. "
        "Petugas dengan penilaian terbaik setiap bulan diumumkan di ruang layanan sebagai penghargaan sederhana.",
        Figures("Indeks kepuasan {users}", "nilai", "76", "85", "82"),
        (
            M("Memperbarui dan memajang maklumat pelayanan", "Kepala Seksi Pelayanan", "Maklumat terpasang"),
            M("Menyiapkan survei kepuasan dengan kode QR", "Pengelola data {short}", "Survei daring aktif"),
            M("Rapat rekap survei bulan pertama", "Sekretaris {short}", "Daftar perbaikan"),
        ),
        "{name}: standar pelayanan {service} yang dipajang dan dinilai {users} setiap bulan; indeks kepuasan naik menjadi {got}.",
    ),
    "kelurahan_surat": Work(
        (
            P("Warga bolak-balik mengurus surat pengantar", "Syarat kurang karena ketua RT memakai daftar syarat lama.", (4, 3, 3)),
            P("Surat pengantar tidak tercatat", "Kelurahan tidak tahu berapa surat yang dilayani tiap bulan.", (3, 3, 2)),
        ),
        (
            I("Daftar syarat bersama ketua RT", "Ketua RT memegang daftar syarat terbaru dan memeriksa berkas warga.", 0),
            I("Buku register surat digital", "Setiap surat dicatat di lembar kerja.", 1),
        ),
        "{name}", PS, NON_DIGITAL, "{urusan}",
        "Menyelesaikan surat pengantar warga {short} dalam satu kali datang.",
        "Warga menghemat waktu; ketua RT dan kelurahan memakai syarat yang sama.",
        "{name} menyamakan syarat surat pengantar antara kantor kelurahan dan ketua RT. Setiap ketua RT menerima "
        "lembar syarat terbaru dan memeriksa berkas warga sebelum diantar ke kelurahan. Grup ketua RT dipakai "
        "untuk mengabarkan perubahan syarat. Semua surat dicatat di register sehingga {unit} tahu jumlah dan "
        "lama layanan setiap bulan. "
        "Perubahan syarat dari perangkat daerah segera diteruskan ke ketua RT, sehingga warga tidak lagi menerima keterangan yang berbeda-beda.",
        Figures("Surat pengantar selesai dalam sekali datang", "persen", "55", "90", "84"),
        (
            M("Menyusun lembar syarat surat pengantar", "Sekretaris Kelurahan", "Lembar syarat"),
            M("Pertemuan dengan seluruh ketua RT", "Lurah", "Ketua RT memegang lembar syarat"),
            M("Mencatat surat di register digital", "Staf pelayanan", "Rekap layanan bulanan"),
        ),
        "{name}: syarat yang sama di RT dan kelurahan, dan {got} persen surat pengantar kini selesai sekali datang.",
    ),
    "kelurahan_rentan": Work(
        (
            P("Data warga lansia dan disabilitas tidak diperbarui", "Data terakhir dari pendataan beberapa tahun lalu.", (4, 3, 3)),
            P("Bantuan dinilai tidak tepat sasaran", "Warga mengeluhkan penerima bantuan yang sudah pindah atau mampu.", (4, 4, 2)),
        ),
        (
            I("Pemutakhiran data warga rentan per RT", "Ketua RT dan kader memperbarui data setiap triwulan.", 0),
            I("Musyawarah penerima bantuan tingkat RW", "Usulan penerima dibahas terbuka.", 1),
        ),
        "{name}", GOV, NON_DIGITAL, "{urusan}",
        "Memperbarui data warga rentan di {unit} secara berkala bersama RT dan kader.",
        "Bantuan sosial lebih tepat sasaran; lansia dan penyandang disabilitas terpantau.",
        "{name} melibatkan ketua RT dan kader posyandu untuk memperbarui data lansia, penyandang disabilitas dan "
        "keluarga miskin setiap triwulan. Perubahan dicatat dalam formulir yang sama dan diperiksa staf "
        "kelurahan. Usulan penerima bantuan dibahas dalam musyawarah RW sebelum diteruskan ke Dinas Sosial. "
        "Data yang mutakhir dipakai pula untuk kunjungan rumah kepada warga yang membutuhkan. "
        "Hasil pemutakhiran diserahkan kepada puskesmas dan Dinas Sosial agar kunjungan dan bantuan direncanakan dari data yang sama.",
        Figures("RT dengan data warga rentan yang mutakhir", "RT", "5", "30", "26"),
        (
            M("Menyiapkan formulir pendataan", "Kasi Kesejahteraan Sosial", "Formulir siap"),
            M("Pendataan bersama ketua RT dan kader", "Ketua RW", "Data terkumpul"),
            M("Musyawarah RW usulan penerima bantuan", "Lurah", "Berita acara musyawarah"),
        ),
        "{name}: data warga rentan yang diperbarui bersama RT setiap triwulan, agar bantuan sampai kepada yang berhak.",
    ),
    "sekolah_literasi": Work(
        (
            P("Siswa kelas awal belum lancar membaca", "Sebagian siswa kelas 1–3 masih mengeja.", (5, 4, 3)),
            P("Buku bacaan berjenjang terbatas", "Koleksi perpustakaan kebanyakan buku pelajaran.", (3, 3, 3)),
        ),
        (
            I("Pojok baca kelas dan 15 menit membaca", "Setiap kelas punya pojok baca dan jadwal membaca harian.", 0),
            I("Donasi buku dari orang tua dan alumni", "Koleksi buku cerita bertambah.", 1),
        ),
        "{name}", OTHER, NON_DIGITAL, "Pendidikan",
        "Membiasakan siswa {short} membaca setiap hari dan membantu yang belum lancar.",
        "Kemampuan membaca siswa meningkat; guru memantau kemajuan setiap anak.",
        "{name} menyiapkan pojok baca di setiap kelas {short} dengan buku cerita berjenjang. Setiap pagi siswa "
        "membaca 15 menit sebelum pelajaran, dan siswa yang belum lancar didampingi guru atau relawan orang tua. "
        "Kemajuan dicatat dalam kartu membaca. Orang tua dan alumni diajak menyumbang buku agar koleksi terus "
        "bertambah. "
        "Kepala sekolah meninjau kartu membaca setiap bulan bersama guru, dan siswa yang belum berkembang mendapat pendampingan tambahan sepulang sekolah.",
        Figures("Siswa kelas awal yang lancar membaca", "persen", "60", "85", "76"),
        (
            M("Asesmen awal kemampuan membaca", "Guru kelas", "Peta kemampuan membaca"),
            M("Menyiapkan pojok baca di setiap kelas", "Koordinator literasi", "Pojok baca tersedia"),
            M("Pembiasaan 15 menit membaca", "Kepala sekolah", "Kartu membaca terisi"),
        ),
        "{name}: pojok baca di setiap kelas dan 15 menit membaca tiap pagi di {short}.",
    ),
    "sekolah_kehadiran": Work(
        (
            P("Siswa sering tidak hadir tanpa keterangan", "Orang tua baru tahu anaknya absen saat rapor dibagikan.", (4, 4, 3)),
            P("Komunikasi guru dan orang tua jarang", "Pertemuan hanya saat pembagian rapor.", (3, 3, 3)),
        ),
        (
            I("Kabar kehadiran harian kepada orang tua", "Wali kelas mengabarkan siswa yang tidak hadir pada hari yang sama.", 0),
            I("Kunjungan rumah siswa yang sering absen", "Guru BK mengunjungi rumah siswa.", 0),
        ),
        "{name}", OTHER, DIGITAL, "Pendidikan",
        "Menurunkan ketidakhadiran siswa {short} dengan melibatkan orang tua sejak hari pertama absen.",
        "Siswa lebih jarang absen; orang tua dan guru bekerja sama memantau anak.",
        "{name} mencatat kehadiran siswa {short} setiap pagi. Bila siswa tidak hadir tanpa keterangan, wali "
        "kelas mengabarkan orang tua melalui grup kelas pada hari yang sama. Siswa yang absen tiga hari dalam "
        "sebulan dikunjungi guru bimbingan konseling untuk mengetahui penyebabnya. Rekap kehadiran dibahas dalam "
        "rapat guru setiap bulan. "
        "Sekolah juga mencatat alasan ketidakhadiran, sehingga masalah seperti jarak rumah, pekerjaan membantu orang tua, atau sakit dapat ditangani bersama pihak terkait.",
        Figures("Rata-rata ketidakhadiran siswa tanpa keterangan", "persen", "9", "4", "5"),
        (
            M("Membuat grup orang tua per kelas", "Wali kelas", "Grup aktif"),
            M("Pencatatan dan kabar kehadiran harian", "Guru piket", "Kabar terkirim"),
            M("Kunjungan rumah siswa sering absen", "Guru bimbingan konseling", "Catatan kunjungan"),
        ),
        "{name}: orang tua tahu pada hari yang sama bila anaknya absen, dan ketidakhadiran turun di {short}.",
    ),
    "sekolah_ramah": Work(
        (
            P("Perundungan antarsiswa tidak dilaporkan", "Siswa takut melapor kepada guru.", (4, 4, 3)),
            P("Guru belum punya langkah penanganan yang sama", "Setiap kasus ditangani berbeda.", (3, 3, 3)),
        ),
        (
            I("Kotak curhat dan duta anti-perundungan", "Siswa terpilih menjadi duta dan ada kotak laporan tanpa nama.", 0),
            I("Prosedur penanganan perundungan", "Langkah yang sama untuk semua guru.", 1),
        ),
        "{name}", OTHER, NON_DIGITAL, "Pendidikan",
        "Mencegah dan menangani perundungan di {short} dengan melibatkan siswa, guru dan orang tua.",
        "Siswa merasa aman di sekolah; kasus ditangani dengan langkah yang jelas.",
        "{name} membentuk duta anti-perundungan dari setiap kelas {short} dan menyediakan kotak curhat tanpa "
        "nama. Guru bimbingan konseling membuka laporan setiap Jumat dan menangani kasus dengan prosedur yang "
        "sama. Orang tua dilibatkan sejak kasus pertama. Setiap bulan duta mengadakan kampanye singkat saat "
        "upacara. "
        "Sekolah mencatat setiap laporan dan penanganannya, lalu mengevaluasinya bersama komite sekolah setiap semester agar pencegahan makin tepat sasaran.",
        Figures("Kasus perundungan yang tertangani sesuai prosedur", "persen", "30", "90", "80"),
        (
            M("Memilih dan melatih duta anti-perundungan", "Guru bimbingan konseling", "Duta terlatih"),
            M("Menyusun prosedur penanganan", "Wakil kepala sekolah bidang kesiswaan", "Prosedur ditetapkan"),
            M("Kampanye saat upacara", "Pembina OSIS", "Kampanye terlaksana"),
        ),
        "{name}: duta anti-perundungan dan kotak curhat membuat siswa {short} berani melapor.",
    ),
    "sekolah_numerasi": Work(
        (
            P("Nilai numerasi siswa rendah", "Asesmen menunjukkan banyak siswa belum menguasai operasi dasar.", (4, 4, 3)),
            P("Pembelajaran matematika kurang kontekstual", "Siswa jarang berlatih dengan benda nyata.", (3, 3, 3)),
        ),
        (
            I("Pasar mini berhitung", "Siswa berlatih berhitung lewat permainan jual beli.", 0),
            I("Latihan numerasi 10 menit", "Soal harian singkat di awal pelajaran.", 0),
        ),
        "{name}", OTHER, NON_DIGITAL, "Pendidikan",
        "Meningkatkan kemampuan numerasi siswa {short} lewat kegiatan berhitung yang dekat dengan kehidupan sehari-hari.",
        "Siswa lebih percaya diri berhitung; guru punya bahan ajar kontekstual.",
        "{name} mengadakan pasar mini setiap Jumat: siswa {short} bergantian menjadi penjual dan pembeli dengan "
        "uang mainan, menghitung harga, kembalian dan berat barang. Setiap hari pelajaran dibuka dengan latihan "
        "numerasi sepuluh menit. Guru mencatat kemajuan siswa dan menyesuaikan latihan bagi yang tertinggal. "
        "Guru kelas lain ikut mengamati pasar mini, sehingga kegiatan ini dapat diterapkan di semua jenjang kelas tanpa alat yang mahal.",
        Figures("Siswa yang mencapai kompetensi numerasi minimum", "persen", "48", "70", "63"),
        (
            M("Menyiapkan alat peraga pasar mini", "Guru kelas 4", "Alat peraga tersedia"),
            M("Pasar mini pertama", "Kepala sekolah", "Kegiatan terlaksana"),
            M("Asesmen ulang numerasi", "Guru kelas", "Hasil asesmen"),
        ),
        "{name}: pasar mini setiap Jumat membuat siswa {short} berlatih berhitung dengan gembira.",
    ),
    "puskesmas_ibu": Work(
        (
            P("Ibu hamil terlambat memeriksakan kehamilan", "Pemeriksaan pertama sering setelah trimester pertama.", (5, 4, 3)),
            P("Balita berisiko stunting terlambat ditemukan", "Penimbangan hanya diikuti sebagian balita.", (4, 5, 3)),
        ),
        (
            I("Kunjungan rumah kader untuk ibu hamil dan balita", "Kader mendatangi rumah yang tidak hadir di posyandu.", 1),
            I("Kelas ibu hamil di kelurahan", "Pertemuan bulanan bersama bidan.", 0),
        ),
        "{name}", PS, NON_DIGITAL, "Kesehatan",
        "Menemukan lebih dini ibu hamil dan balita berisiko di wilayah {short}.",
        "Stunting dapat dicegah; ibu hamil memeriksakan kehamilan lebih awal.",
        "{name} melatih kader untuk mengunjungi rumah ibu hamil dan balita yang tidak hadir di posyandu. Kader "
        "menimbang, mengukur dan mencatat hasilnya, lalu bidan kelurahan menindaklanjuti yang berisiko. Kelas ibu "
        "hamil diadakan setiap bulan di kelurahan. Rekap per kelurahan dibahas dalam lokakarya mini {short} "
        "bersama lurah. "
        "Kader yang rutin berkunjung mendapat pembekalan ulang setiap triwulan, dan data kunjungan dipakai menentukan sasaran pemberian makanan tambahan.",
        Figures("Balita yang ditimbang setiap bulan", "persen", "68", "90", "84"),
        (
            M("Pelatihan kader kunjungan rumah", "Bidan koordinator", "Kader terlatih"),
            M("Kunjungan rumah balita yang tidak hadir", "Kader posyandu", "Data balita terkumpul"),
            M("Lokakarya mini bersama lurah", "Kepala {short}", "Rencana tindak lanjut"),
        ),
        "{name}: kader mendatangi balita yang tidak hadir di posyandu, dan cakupan penimbangan naik menjadi {got} persen.",
    ),
    "puskesmas_antrean": Work(
        (
            P("Antrean pendaftaran puskesmas panjang", "Pasien datang sejak pagi buta untuk mendapat nomor.", (4, 3, 4)),
            P("Rekam medis pasien lama sulit ditemukan", "Berkas kertas tercecer di rak.", (3, 3, 3)),
        ),
        (
            I("Pendaftaran daring lewat WhatsApp", "Pasien mendaftar sehari sebelumnya dan mendapat jam datang.", 0),
            I("Penataan rekam medis", "Berkas disusun menurut nomor keluarga.", 1),
        ),
        "{name}", PS, DIGITAL, "Kesehatan",
        "Mempersingkat waktu tunggu pendaftaran di {short}.",
        "Pasien datang sesuai jam; ruang tunggu tidak penuh sesak.",
        "{name} membuka pendaftaran lewat WhatsApp sehari sebelum kunjungan. Pasien menerima nomor dan perkiraan "
        "jam datang, dan petugas rekam medis menyiapkan berkasnya lebih dulu. Pasien yang datang langsung tetap "
        "dilayani pada kuota yang disisakan. Lansia dan ibu hamil didahulukan. "
        "Petugas mencatat waktu tunggu setiap hari, dan kuota per jam disesuaikan bila antrean kembali menumpuk. Pasien yang tidak memakai telepon genggam tetap dapat mendaftar melalui kader atau keluarga.",
        Figures("Rata-rata waktu tunggu pendaftaran", "menit", "60", "20", "20"),
        (
            M("Menyiapkan nomor WhatsApp pendaftaran", "Petugas pendaftaran", "Nomor aktif"),
            M("Menyusun kuota per jam", "Kepala Tata Usaha", "Kuota disepakati"),
            M("Sosialisasi kepada pasien", "Promotor kesehatan", "Pengumuman terpasang"),
        ),
        "{name}: pasien {short} mendaftar sehari sebelumnya, dan waktu tunggu turun ke {got} menit.",
    ),
    "kecamatan_rekomendasi": Work(
        (
            P("Surat rekomendasi camat lama diproses", "Berkas menunggu paraf berlapis.", (4, 3, 3)),
            P("Pemohon tidak tahu posisi berkasnya", "Pemohon menelepon staf untuk menanyakan status.", (3, 3, 3)),
        ),
        (
            I("Pelacakan surat rekomendasi secara daring", "Status berkas tampil lewat nomor register.", 1),
            I("Pemangkasan paraf", "Paraf dikurangi menjadi dua.", 0),
        ),
        "{name}", PS, DIGITAL, "{urusan}",
        "Mempercepat dan membuka status layanan {service} di {unit}.",
        "Pemohon tahu kapan suratnya selesai; staf tidak lagi menjawab pertanyaan status berulang.",
        "{name} memberi setiap permohonan {service} nomor register dan status yang bisa dilihat lewat tautan. "
        "Alur paraf dipangkas menjadi dua: kepala seksi dan sekretaris camat. Berkas yang lewat tiga hari kerja "
        "ditandai dan dibahas dalam apel pagi. Pemohon menerima pesan saat surat siap diambil. "
        "Rekap bulanan menunjukkan jenis rekomendasi yang paling sering diminta, sehingga camat dapat menyederhanakan persyaratannya bersama perangkat daerah terkait. Lurah membantu mengumumkan tautan status kepada warga.",
        Figures("Rekomendasi selesai dalam 3 hari kerja", "persen", "40", "85", "80"),
        (
            M("Menetapkan alur paraf baru", "Sekretaris Camat", "SK alur layanan"),
            M("Menyiapkan register dan tautan status", "Staf pelayanan", "Tautan aktif"),
            M("Sosialisasi kepada lurah dan pemohon", "Camat", "Pengumuman terbit"),
        ),
        "{name}: pemohon melacak sendiri surat {service}nya, dan {got} persen selesai dalam tiga hari kerja.",
    ),
    "bagian": Work(
        (
            P("Usulan {service} dari perangkat daerah lambat diproses", "Usulan masuk lewat surat dan menunggu giliran tanpa batas waktu.", (4, 3, 3)),
            P("Perangkat daerah tidak tahu posisi usulannya", "Staf menelepon berulang untuk menanyakan status.", (3, 3, 3)),
        ),
        (
            I("Lembar pemantauan usulan bersama", "Setiap usulan dan statusnya tampil di lembar bersama.", 0),
            I("Klinik konsultasi mingguan", "Perangkat daerah berkonsultasi setiap Rabu.", 1),
        ),
        "{name}", GOV, DIGITAL, "{urusan}",
        "Mempercepat penanganan usulan {service} dari perangkat daerah dan membuka statusnya.",
        "Perangkat daerah tahu kapan usulannya selesai; {short} dapat membagi beban kerja.",
        "{name} mencatat setiap usulan {service} dari perangkat daerah dalam lembar pemantauan bersama yang dapat "
        "dibaca semua pengirim. Setiap usulan punya penanggung jawab dan batas waktu sepuluh hari kerja. Setiap "
        "Rabu {short} membuka klinik konsultasi agar usulan lengkap sejak awal. Usulan yang tertahan dibahas "
        "dalam rapat staf mingguan. "
        "Rekap usulan setiap triwulan dilaporkan kepada Sekretaris Daerah sebagai bahan perbaikan tata kelola perangkat daerah.",
        Figures("Usulan {service} selesai dalam 10 hari kerja", "persen", "40", "80", "72"),
        (
            M("Menyusun lembar pemantauan usulan", "Kepala Subbagian", "Lembar pemantauan"),
            M("Surat edaran kepada perangkat daerah", "Kepala {short}", "Surat edaran terbit"),
            M("Klinik konsultasi pertama", "Analis kebijakan", "Daftar konsultasi"),
        ),
        "{name}: setiap usulan {service} terpantau, dan {got} persen kini selesai dalam sepuluh hari kerja.",
    ),
}  # fmt: skip

HEALTH, EDU, ADMIN = "Kesehatan", "Pendidikan", "Administrasi Kependudukan dan Pencatatan Sipil"
PU, ORG = "Pekerjaan Umum dan Penataan Ruang", "Sekretariat/Tata Kelola"
TRANS, ENV, INVEST = "Perhubungan", "Lingkungan Hidup", "Penanaman Modal"
KOMINFO, SOCIAL = "Komunikasi dan Informatika", "Sosial"
ORDER = "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat"

FILL_2023: dict[str, Fill] = {
    "dindikbud": Fill("permohonan", "SIMUSI (Sistem Mutasi Siswa Daring)", "mutasi siswa antarsekolah", "orang tua siswa", EDU),
    "dinas_pupr": Fill("pengaduan", "LAPOR JALAN (Layanan Pengaduan Jalan dan Drainase)", "jalan dan drainase rusak", "warga", PU),
    "dinsos": Fill("keliling", "SOSIAL MENYAPA (Layanan Sosial Keliling)", "rekomendasi bantuan sosial", "warga prasejahtera", SOCIAL),
    "disdukcapil": Fill("antrean", "ANTRI CERDAS Disdukcapil", "perekaman KTP elektronik", "pemohon", ADMIN),
    "diskominfo": Fill("data", "SATU DATA PAREPARE", "statistik sektoral", "perangkat daerah", KOMINFO),
    "dishub": Fill("maklumat", "PAS PARKIR (Pelayanan Parkir Santun)", "parkir tepi jalan", "pengguna parkir", TRANS),
    "dlh": Fill("pengaduan", "SIGAP SAMPAH (Siaga Pengaduan Sampah)", "sampah yang tidak terangkut", "warga", ENV),
    "dpmptsp": Fill("permohonan", "IZIN KILAT (Izin Usaha Mikro Satu Hari)", "izin usaha mikro", "pelaku usaha", INVEST),
    "satpol_pp": Fill("pengaduan", "RESPONS TRANTIB (Respons Cepat Pengaduan Ketertiban)", "gangguan ketertiban umum", "warga", ORDER),
    "bkpsdm": Fill("permohonan", "SIPANGKAT (Sistem Usul Kenaikan Pangkat Daring)", "usul kenaikan pangkat", "pegawai", "Kepegawaian"),
    "inspektorat": Fill("data", "PANTAU TL (Pemantauan Tindak Lanjut Hasil Pemeriksaan)", "tindak lanjut hasil pemeriksaan", "perangkat daerah", "Pengawasan"),
    "uptd_pju": Fill("pengaduan", "LAMPU NYALA (Layanan Pengaduan Lampu Jalan)", "lampu jalan padam", "warga", PU),
    "pkm_lakessi": Fill("puskesmas_ibu", "GERCEP STUNTING (Gerakan Cepat Cegah Stunting)", "", "", HEALTH),
    "bagian_organisasi": Fill("bagian", "SIAP SOP (Sistem Asistensi dan Pemantauan SOP)", "penyusunan SOP", "perangkat daerah", ORG),
    "bagian_pemerintahan": Fill("bagian", "KAWAL BATAS (Kawal Administrasi Batas Wilayah)", "penegasan batas kelurahan", "kelurahan", ORG),
    "kel_galung_maloang": Fill("kelurahan_surat", "SURAT SEKALI DATANG Galung Maloang", "", "", ADMIN),
    "kel_watang_bacukiki": Fill("kelurahan_rentan", "DATA RENTAN Watang Bacukiki", "", "", SOCIAL),
    "kel_bukit_harapan": Fill("kelurahan_surat", "RT SIGAP Bukit Harapan", "", "", ADMIN),
    "kel_kampung_pisang": Fill("kelurahan_rentan", "PEDULI LANSIA Kampung Pisang", "", "", SOCIAL),
    "uptd_smpn5": Fill("sekolah_kehadiran", "HADIR SETIAP HARI SMPN 5", "", "", EDU),
    "uptd_smpn9": Fill("sekolah_ramah", "SEKOLAH AMAN SMPN 9", "", "", EDU),
    "uptd_smpn12": Fill("sekolah_kehadiran", "ORANG TUA TAHU (SMPN 12)", "", "", EDU),
    "uptd_sdn7": Fill("sekolah_literasi", "POJOK BACA CERIA SDN 7", "", "", EDU),
    "uptd_sdn33": Fill("sekolah_ramah", "SAHABAT TANPA PERUNDUNGAN SDN 33", "", "", EDU),
    "uptd_sdn52": Fill("sekolah_numerasi", "PASAR MINI BERHITUNG SDN 52", "", "", EDU),
    "uptd_sdn61": Fill("sekolah_literasi", "GEMAR MEMBACA SDN 61", "", "", EDU),
}  # fmt: skip

# The cohort under way, on the theme of digital public services; units already in 2023 take another theme.
FILL_CURRENT: dict[str, Fill] = {
    "dinkes": Fill("data", "SATU DATA SEHAT", "kasus penyakit menular", "puskesmas", HEALTH),
    "dindikbud": Fill("antrean", "PPDB TERTIB", "pendaftaran peserta didik baru", "orang tua siswa", EDU),
    "dinas_pupr": Fill("permohonan", "PBG MUDAH (Persetujuan Bangunan Gedung Mudah)", "persetujuan bangunan gedung", "pemohon", PU),
    "disdukcapil": Fill("keliling", "DUKCAPIL JEMPUT BOLA", "akta kelahiran dan kartu identitas anak", "warga", ADMIN),
    "diskominfo": Fill("pengaduan", "LAPOR WALI KOTA", "layanan publik kota", "warga", KOMINFO),
    "dishub": Fill("permohonan", "UJI KIR DARING", "uji berkala kendaraan", "pemilik kendaraan", TRANS),
    "dlh": Fill("data", "PANTAU TPS", "volume sampah di tempat penampungan sementara", "kelurahan", ENV),
    "dpmptsp": Fill("maklumat", "SUARA INVESTOR", "perizinan berusaha", "pelaku usaha", INVEST),
    "rsud": Fill("antrean", "ANTREAN POLIKLINIK DARING RSUD", "rawat jalan poliklinik", "pasien", HEALTH),
    "kec_soreang": Fill("kecamatan_rekomendasi", "REKOM KILAT Soreang", "rekomendasi camat", "pemohon", ADMIN),
    "pkm_lakessi": Fill("puskesmas_antrean", "DAFTAR DULU Lakessi", "", "", HEALTH),
    "uptd_pju": Fill("data", "PETA LAMPU (Pemetaan Aset Lampu Jalan)", "aset lampu penerangan jalan", "warga", PU),
}  # fmt: skip

# Coach's notes and agreed actions at a clinic, by where the team's work stood.
CLINIC_NOTES = (
    "Tim memaparkan kemajuan {name}. Data awal indikator sudah lengkap; bukti pelaksanaan perlu foto "
    "sebelum dan sesudah serta daftar hadir kegiatan.",
    "Coach meninjau rencana aksi {name}. Tonggak sudah berjalan; tim diminta menyiapkan bahan paparan kepala "
    "unit untuk gelar karya.",
    "Pembahasan {name}: capaian indikator sudah dihitung dari data layanan. Perlu SK kepala unit agar "
    "inovasi berlanjut setelah laboratorium.",
)
CLINIC_ACTIONS = (
    ("Lengkapi foto sebelum dan sesudah sebagai bukti pelaksanaan", "Ketua tim"),
    ("Susun draf SK kepala unit tentang penerapan inovasi", "Sekretaris unit"),
    ("Siapkan paparan lima menit untuk kepala unit", "Ketua tim"),
    ("Unggah naskah dokumentasi inovasi", "Anggota tim"),
)
SCORE_COMMENTS = (
    "Masalah dan data awal jelas; perlu rencana keberlanjutan anggaran.",
    "Mudah ditiru unit lain; paparan meyakinkan.",
    "Kolaborasi dengan kelurahan kuat; indikator perlu dipantau setelah laboratorium.",
    "Gagasan sederhana dengan manfaat langsung bagi warga.",
)
RETURN_NOTE = (
    "Rancangan sudah baik, tetapi indikator utama belum punya nilai awal. Ambil dari data layanan tiga bulan "
    "terakhir, isi nilai awalnya, lalu ajukan kembali."
)
CURRENT_CLINIC_NOTE = (
    "Coach meninjau rancangan {name}. Tujuan dan manfaat sudah jelas; nilai awal indikator perlu diambil dari "
    "data layanan tiga bulan terakhir, dan tim inovasi perlu ditetapkan dengan SK kepala unit."
)

# Units that sent fewer people to the sessions; and the designs the demo registry holds as innovations.
LOW_ATTENDANCE_2023 = ("kel_galung_maloang", "kel_kampung_pisang", "satpol_pp", "uptd_sdn33", "uptd_smpn12")
REGISTERED_2023 = ("kec_soreang", "kel_lemoe", "kel_ujung_lare", "uptd_sdn14")

# The cohort under way: teams in Deliver, and teams still in Design with their gate status and the number
# of milestones they have drafted.
CURRENT_DELIVER = ("dinkes", "disdukcapil", "diskominfo", "dpmptsp", "pkm_lakessi", "rsud")
CURRENT_DESIGN = {
    "dindikbud": ("submitted", 3),
    "dlh": ("submitted", 4),
    "dinas_pupr": ("returned", 3),
    "dishub": ("draft", 2),
    "uptd_pju": ("draft", 3),
    "kec_soreang": ("draft", 0),
}


# From a template to one unit's content


def fill(work: Work, values: dict[str, str]) -> Work:
    """A template with its placeholders filled, in every text field down the tuples."""

    def each(value: Any) -> Any:
        if isinstance(value, str):
            return value.format(**values)
        if isinstance(value, tuple) and hasattr(value, "_fields"):
            return type(value)(*(each(item) for item in value))
        if isinstance(value, tuple):
            return tuple(each(item) for item in value)
        return value

    filled: Work = each(work)
    return filled


def vary(figures: Figures, seed: str) -> tuple[int, int, int]:
    """The template's baseline, target and actual, shifted (percentages, scores) or scaled for one unit."""
    rng = random.Random(seed)
    values = [int(Decimal(value)) for value in figures[2:]]
    if figures.unit in ("persen", "nilai"):
        shift = min(max(rng.randint(-8, 8), 1 - min(values)), 100 - max(values))
        return values[0] + shift, values[1] + shift, values[2] + shift
    factor = rng.choice((0.8, 0.9, 1.1, 1.2, 1.3))
    return round(values[0] * factor), round(values[1] * factor), round(values[2] * factor)


def content(unit: Unit, key: str, spec: Fill, year: int) -> Work:
    template = TEMPLATES[spec.template]
    base, goal, got = vary(template.figures, f"angka-{year}-{key}")
    values = {
        "name": spec.name,
        "unit": unit.name,
        "short": unit.label,
        "service": spec.service,
        "users": spec.users,
        "Users": spec.users[:1].upper() + spec.users[1:],
        "urusan": spec.urusan,
        "base": str(base),
        "got": str(got),
    }
    work = fill(template, values)
    return work._replace(figures=work.figures._replace(baseline=str(base), target=str(goal), actual=str(got)))


def position_of(unit: Unit) -> str:
    place = unit.name.removesuffix(" Kota Parepare")
    if unit.kind == Unit.Kind.KELURAHAN:
        return f"Lurah {place.removeprefix('Kelurahan ')}"
    if unit.kind == Unit.Kind.KECAMATAN:
        return f"Camat {place.removeprefix('Kecamatan ')}"
    if unit.kind == Unit.Kind.RSUD:
        return f"Direktur {unit.name}"
    if unit.kind == Unit.Kind.INSPEKTORAT:
        return "Inspektur Daerah Kota Parepare"
    if unit.kind == Unit.Kind.UPTD and (" SD " in unit.name or " SMP " in unit.name):
        return f"Kepala {unit.name.removeprefix('UPTD ')}"
    return f"Kepala {unit.name}"
