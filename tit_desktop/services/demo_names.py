"""Names, places and organisations for the ``tit-desktop demo`` command.

Pure data and two small helpers: no Qt, no database.

Each :class:`Origin` is a community of third-country nationals as the office meets them in
Ancona: the state (its Belfiore code and ISTAT Italian name exactly as in python-codicefiscale's
``countries.json``), a relative frequency, and first names and family names written the way these
people's names appear in their Italian documents, with the diacritics their passports use
(Turkish ``Şükrü Çelik``, Vietnamese ``Nguyễn`` + ``Thị Hoa``, Albanian ``Gëzim Çela``,
Francophone West African ``Traoré``). Where a name is made of several words, it is stored whole:
Vietnamese and Bangladeshi first names (``Văn Đức``, ``Md Rafiqul``), Peruvian and Ecuadorian
double surnames (``Quispe Mamani``), Somali patronymic surnames (``Abdi Hassan``).

Within one origin, any first name goes with any family name: each origin keeps to one naming
tradition (for instance Nigeria: Edo names and the English Christian names used in Edo State;
India: Punjabi Sikh names) so that random combinations stay plausible. Where women carry a
different family name (Russian ``-ova``, Macedonian ``-ska``, Sikh ``Kaur``, Bangladeshi
``Akter``/``Begum``, Pakistani ``Bibi``), :attr:`Origin.female_last_names` lists the women's
forms. A few origins also give people's names in their native script (Cyrillic, Arabic, Chinese,
Georgian), as ``("First Last", native)`` pairs in :attr:`Origin.native_scripts`, for the
"nome nella scrittura originale" note.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ANCONA_STREETS",
    "ITALIAN_FIRST_NAMES_F",
    "ITALIAN_FIRST_NAMES_M",
    "ITALIAN_LAST_NAMES",
    "ORIGINS",
    "QUESTURE",
    "REFERRING_BODIES",
    "Origin",
    "full_name",
    "italian_full_name",
    "last_names_for",
    "native_script_name",
    "pick_origin",
]

Sex = Literal["F", "M"]


def _names(text: str) -> tuple[str, ...]:
    """A tuple of names from a comma-separated list (names may hold spaces and apostrophes)."""
    return tuple(name.strip() for name in text.split(",") if name.strip())


@dataclass(frozen=True)
class Origin:
    """A community of origin: state, relative frequency and the names its people carry."""

    state_code: str
    """Belfiore code of the state, ``Z###``, as in python-codicefiscale's data."""
    state_name: str
    """ISTAT Italian name of the state, exactly as in python-codicefiscale's data."""
    weight: int
    """Relative frequency among the third-country nationals the office meets."""
    male_first_names: tuple[str, ...]
    female_first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    """Family names (men's forms where they differ by sex)."""
    languages: tuple[str, ...]
    """Languages spoken, in Italian."""
    native_scripts: tuple[tuple[str, str], ...] = ()
    """``(f"{first} {last}", name in the native script)`` pairs, for a few people."""
    female_last_names: tuple[str, ...] = ()
    """Women's family names where they differ from :attr:`last_names`; empty otherwise."""


ORIGINS: tuple[Origin, ...] = (
    Origin(
        state_code="Z249",
        state_name="Bangladesh",
        weight=14,
        male_first_names=_names(
            "Md Rafiqul, Md Shahidul, Md Aminul, Mizanur, Jahangir, Kamal, Jamal, Rubel, Sohel, "
            "Shakil, Rakib, Sabbir, Mamun, Habibur, Alamgir, Delwar, Nurul, Faruk, Shafiqul, "
            "Anisur, Monir, Tanvir, Mahbub, Masud, Kawsar, Ariful, Saiful, Jewel"
        ),
        female_first_names=_names(
            "Nasima, Rokeya, Shirin, Sumaiya, Farzana, Shahnaz, Rahima, Halima, Salma, Rina, "
            "Jesmin, Nazma, Mousumi, Sharmin, Ruma, Shapla, Fatema, Khadiza, Tania, Mitu, Lipi, "
            "Shilpi, Morjina, Rabeya, Kulsum"
        ),
        last_names=_names(
            "Islam, Hossain, Rahman, Ahmed, Uddin, Alam, Miah, Khan, Chowdhury, Sarker, Mollah, "
            "Talukder, Howlader, Bhuiyan, Hasan, Kabir, Haque, Sikder, Mondal, Mridha, Akanda, "
            "Majumder, Patwary, Bepari, Sheikh"
        ),
        female_last_names=_names(
            "Akter, Begum, Khatun, Sultana, Parvin, Nasrin, Yasmin, Jahan, Islam, Rahman, "
            "Chowdhury, Hossain, Ahmed, Khan, Haque"
        ),
        languages=("bengalese", "inglese"),
    ),
    Origin(
        state_code="Z335",
        state_name="Nigeria",
        weight=11,
        male_first_names=_names(
            "Osaze, Osagie, Efosa, Osaro, Nosa, Ehis, Osas, Eghosa, Omoruyi, Iyobosa, "
            "Ikponmwosa, Uyi, Osamudiamen, Osaretin, Godwin, Friday, Sunday, Samuel, Emmanuel, "
            "Kingsley, Prince, Victor, Peter, Daniel, Lucky, Felix, Jude, Augustine, Collins"
        ),
        female_first_names=_names(
            "Blessing, Joy, Precious, Gift, Favour, Mercy, Faith, Esther, Juliet, Happiness, "
            "Patience, Glory, Peace, Success, Princess, Victoria, Osarugue, Itohan, Omosede, "
            "Ivie, Eghe, Osasumwen, Ewaen, Adesuwa, Ekinadose"
        ),
        last_names=_names(
            "Osagie, Omoregie, Osaghae, Ehigiator, Aigbe, Idahosa, Ogbebor, Iyamu, Edokpolo, "
            "Osayande, Eweka, Uwaifo, Omorogbe, Igbinosa, Erhabor, Osazuwa, Ekhator, Ighodaro, "
            "Aghedo, Okundaye, Osunde, Izevbigie, Evbuomwan, Osaigbovo, Imasuen, Ogiemwonyi"
        ),
        languages=("inglese", "edo", "pidgin nigeriano"),
    ),
    Origin(
        state_code="Z100",
        state_name="Albania",
        weight=9,
        male_first_names=_names(
            "Arben, Artan, Ardit, Besnik, Dritan, Elton, Erion, Fatmir, Gentian, Ilir, Klodian, "
            "Luan, Mirel, Ndriçim, Olsi, Redon, Saimir, Sokol, Ervin, Florian, Gëzim, Bujar, "
            "Agron, Edmond, Xhevdet, Altin, Kujtim, Arjan"
        ),
        female_first_names=_names(
            "Anila, Alketa, Blerina, Brunilda, Elona, Entela, Eriona, Fatjona, Flutura, Jonida, "
            "Lindita, Mimoza, Ornela, Rovena, Valbona, Vjollca, Xhensila, Elda, Dorina, Drita, "
            "Majlinda, Besa, Klea, Ledia, Manjola, Teuta, Ermira, Mirela"
        ),
        last_names=_names(
            "Hoxha, Çela, Shehu, Leka, Dervishi, Gjoka, Kola, Marku, Prifti, Hysa, Basha, "
            "Berisha, Duka, Xhafa, Kapllani, Gjoni, Muça, Bregu, Lleshi, Zeneli, Spahiu, Daci, "
            "Qose, Tafa, Çaushi, Hasani, Mema, Dushku"
        ),
        languages=("albanese", "inglese", "greco"),
    ),
    Origin(
        state_code="Z236",
        state_name="Pakistan",
        weight=9,
        male_first_names=_names(
            "Muhammad Usman, Muhammad Asif, Muhammad Bilal, Bilal, Hamza, Usman, Waqas, Zeeshan, "
            "Kashif, Adnan, Faisal, Shahzad, Tariq, Naveed, Asif, Arshad, Waseem, Sajid, Zahid, "
            "Khalid, Nadeem, Irfan, Umar, Jawad, Sohail, Mudassar, Atif, Shahid"
        ),
        female_first_names=_names(
            "Ayesha, Fatima, Sana, Hina, Saima, Nadia, Amna, Rabia, Shazia, Sadia, Naila, "
            "Mehwish, Kiran, Asma, Samina, Farah, Zainab, Iqra, Nazia, Rukhsana, Shabana, Uzma, "
            "Sobia, Nasreen, Tahira"
        ),
        last_names=_names(
            "Khan, Ahmed, Ali, Hussain, Iqbal, Butt, Malik, Chaudhry, Raza, Shah, Javed, Akhtar, "
            "Mahmood, Aslam, Rasheed, Anwar, Bashir, Qureshi, Abbasi, Siddiqui, Gondal, Cheema, "
            "Bajwa, Warraich, Rana, Sheikh"
        ),
        female_last_names=_names(
            "Bibi, Begum, Akhtar, Kausar, Parveen, Khan, Ahmed, Hussain, Iqbal, Butt, Malik, "
            "Chaudhry, Raza, Shah, Javed, Aslam, Anwar, Bashir, Qureshi, Abbasi"
        ),
        languages=("urdu", "punjabi", "inglese"),
    ),
    Origin(
        state_code="Z330",
        state_name="Marocco",
        weight=8,
        male_first_names=_names(
            "Mohamed, Ahmed, Youssef, Abdelali, Rachid, Said, Mustapha, Hassan, Abdellah, "
            "Khalid, Hicham, Mourad, Noureddine, Abdelkader, Driss, Hamid, Karim, Aziz, Brahim, "
            "Jamal, Redouane, Abderrahim, Omar, Adil, Yassine, Anouar, Hamza, Mehdi, Soufiane, "
            "Zakaria"
        ),
        female_first_names=_names(
            "Fatima, Khadija, Naima, Malika, Saida, Rachida, Fatiha, Aicha, Zineb, Hanane, "
            "Samira, Latifa, Nadia, Soukaina, Meryem, Imane, Hayat, Karima, Loubna, Salma, Nawal, "
            "Siham, Asmae, Ikram, Houda"
        ),
        last_names=_names(
            "El Amrani, Benali, Alaoui, El Idrissi, Bennani, Tazi, Berrada, El Fassi, Bouzid, "
            "El Khatib, Ait Lahcen, Ouhaddou, Amzil, Boukhari, Chraibi, El Mansouri, Lahlou, "
            "Benjelloun, Zerouali, Belkadi, El Ouardi, Naciri, Ouazzani, Lamrani, Benmoussa, "
            "El Hachimi"
        ),
        languages=("arabo", "francese", "berbero"),
        native_scripts=(
            ("Mohamed El Amrani", "محمد العمراني"),
            ("Fatima Bennani", "فاطمة بناني"),
            ("Youssef Alaoui", "يوسف العلوي"),
            ("Khadija El Idrissi", "خديجة الإدريسي"),
            ("Rachid Tazi", "رشيد التازي"),
            ("Naima Berrada", "نعيمة برادة"),
        ),
    ),
    Origin(
        state_code="Z352",
        state_name="Tunisia",
        weight=7,
        male_first_names=_names(
            "Mohamed, Ahmed, Ali, Mehdi, Sami, Walid, Nabil, Anis, Bilel, Amine, Aymen, Hamza, "
            "Oussama, Slim, Karim, Hichem, Fethi, Mourad, Skander, Wassim, Khaled, Sofiene, "
            "Riadh, Chokri, Hatem, Nizar, Lotfi, Moez, Imed"
        ),
        female_first_names=_names(
            "Amira, Sonia, Ines, Rim, Samia, Leila, Olfa, Hela, Nesrine, Mariem, Yosra, Sarra, "
            "Asma, Emna, Wafa, Sana, Imen, Rania, Houda, Fatma, Khadija, Rahma, Chaima, Salma"
        ),
        last_names=_names(
            "Ben Salah, Trabelsi, Gharbi, Jebali, Hammami, Ayari, Dridi, Mejri, Ben Ahmed, "
            "Ben Amor, Jlassi, Khelifi, Mansouri, Ferchichi, Hamdi, Sassi, Riahi, Zouari, "
            "Ben Youssef, Karoui, Slimani, Oueslati, Ben Mabrouk, Tlili, Haddad, Chebbi"
        ),
        languages=("arabo", "francese"),
    ),
    Origin(
        state_code="Z138",
        state_name="Ucraina",
        weight=6,
        male_first_names=_names(
            "Oleksandr, Serhii, Andrii, Dmytro, Yurii, Volodymyr, Mykola, Vasyl, Ivan, Viktor, "
            "Oleh, Ihor, Taras, Bohdan, Petro, Maksym, Roman, Vitalii, Anatolii, Yaroslav, Artem, "
            "Denys, Mykhailo, Vadym, Ruslan"
        ),
        female_first_names=_names(
            "Olha, Olena, Nataliia, Tetiana, Iryna, Oksana, Svitlana, Yuliia, Liudmyla, Halyna, "
            "Mariia, Anna, Viktoriia, Kateryna, Nadiia, Larysa, Valentyna, Alla, Inna, "
            "Khrystyna, Sofiia, Daryna, Anastasiia, Yana, Lesia"
        ),
        last_names=_names(
            "Kovalenko, Shevchenko, Bondarenko, Tkachenko, Kravchenko, Oliinyk, Melnyk, Boiko, "
            "Koval, Shevchuk, Polishchuk, Lysenko, Marchenko, Savchenko, Rudenko, Moroz, "
            "Petrenko, Klymenko, Savchuk, Pavlenko, Levchenko, Honcharenko, Vasylenko, "
            "Kovalchuk, Lytvynenko, Tkachuk"
        ),
        languages=("ucraino", "russo"),
        native_scripts=(
            ("Olha Kovalenko", "Ольга Коваленко"),
            ("Oleksandr Shevchuk", "Олександр Шевчук"),
            ("Nataliia Bondarenko", "Наталія Бондаренко"),
            ("Serhii Melnyk", "Сергій Мельник"),
            ("Iryna Tkachenko", "Ірина Ткаченко"),
            ("Andrii Kravchenko", "Андрій Кравченко"),
            ("Yuliia Boiko", "Юлія Бойко"),
            ("Dmytro Oliinyk", "Дмитро Олійник"),
            ("Halyna Lysenko", "Галина Лисенко"),
            ("Tetiana Moroz", "Тетяна Мороз"),
        ),
    ),
    Origin(
        state_code="Z343",
        state_name="Senegal",
        weight=6,
        male_first_names=_names(
            "Mamadou, Moussa, Ibrahima, Cheikh, Modou, Ousmane, Pape, Babacar, Amadou, Assane, "
            "Aliou, Malick, Lamine, Serigne, Omar, Mor, Saliou, Souleymane, Birame, Alioune, "
            "Boubacar, Khadim, Demba, Samba, Fallou, Mouhamed, Abdoulaye"
        ),
        female_first_names=_names(
            "Fatou, Aminata, Awa, Mariama, Khady, Aïssatou, Ndeye Fatou, Astou, Coumba, "
            "Fatoumata, Adama, Binta, Rokhaya, Sokhna, Maimouna, Dieynaba, Penda, Yacine, "
            "Nogaye, Oumou, Marième, Seynabou, Mame Diarra, Khadija, Anta"
        ),
        last_names=_names(
            "Ndiaye, Diop, Fall, Sow, Ba, Diallo, Gueye, Faye, Seck, Mbaye, Sarr, Cissé, Thiam, "
            "Niang, Sy, Kane, Dieng, Samb, Lo, Mbengue, Dia, Badji, Sène, Diagne"
        ),
        languages=("wolof", "francese", "pulaar"),
    ),
    Origin(
        state_code="Z210",
        state_name="Repubblica Popolare Cinese",
        weight=5,
        male_first_names=_names(
            "Wei, Jianguo, Jianhua, Zhiqiang, Jun, Hao, Lei, Qiang, Xiaoming, Haitao, Wenjie, "
            "Yong, Bin, Chao, Jie, Zhiwei, Jianping, Guoqiang, Weidong, Xiaolong, Yifan, Zihao, "
            "Haoran, Junjie, Tao"
        ),
        female_first_names=_names(
            "Fang, Xiaoyan, Ying, Hui, Jing, Mei, Yan, Lili, Xiaohong, Juan, Min, Xiuying, "
            "Guilan, Hong, Qian, Yue, Ting, Xiaomei, Jiayi, Yuxin, Shuang, Yanyan, Lina, Xue, "
            "Wenjing"
        ),
        last_names=_names(
            "Hu, Chen, Wang, Zhou, Lin, Zhang, Li, Huang, Wu, Ye, Xu, Jin, Pan, Zheng, Ji, Lu, "
            "Xia, Yang, Zhu, Shi, Liu, Zhao, Sun, Ma"
        ),
        languages=("cinese",),
        native_scripts=(
            ("Xiaoming Wang", "王晓明"),
            ("Fang Chen", "陈芳"),
            ("Jianguo Hu", "胡建国"),
            ("Xiaoyan Zhou", "周晓燕"),
            ("Wenjie Lin", "林文杰"),
            ("Lili Ye", "叶丽丽"),
            ("Haitao Zhang", "张海涛"),
            ("Mei Zheng", "郑梅"),
        ),
    ),
    Origin(
        state_code="Z148",
        state_name="Macedonia Del Nord",
        weight=5,
        male_first_names=_names(
            "Aleksandar, Goran, Dragan, Zoran, Nikola, Dejan, Igor, Vlatko, Blagoja, Trajče, "
            "Ljupčo, Stojan, Darko, Marjan, Boban, Saško, Filip, Kiril, Bojan, Vasko, Dimitar, "
            "Petar, Stefan, Kristijan, Aco"
        ),
        female_first_names=_names(
            "Elena, Marija, Biljana, Snežana, Vesna, Jasmina, Suzana, Daniela, Slavica, Gordana, "
            "Ljubica, Verica, Katerina, Ana, Sanja, Tanja, Simona, Aleksandra, Milena, Irena, "
            "Maja, Jovana, Ivana, Violeta, Nataša"
        ),
        last_names=_names(
            "Stojanovski, Petrovski, Nikolovski, Trajkovski, Jovanovski, Ristovski, Georgievski, "
            "Dimitrovski, Angelovski, Kostovski, Mitrevski, Velkovski, Ilievski, Stefanovski, "
            "Todorovski, Spasovski, Popovski, Naumovski, Dimitrov, Stojanov, Nikolov, Trajkov, "
            "Georgiev, Angelov, Petrov, Kostadinov"
        ),
        female_last_names=_names(
            "Stojanovska, Petrovska, Nikolovska, Trajkovska, Jovanovska, Ristovska, Georgievska, "
            "Dimitrovska, Angelovska, Kostovska, Mitrevska, Velkovska, Ilievska, Stefanovska, "
            "Todorovska, Spasovska, Popovska, Naumovska, Dimitrova, Stojanova, Nikolova, "
            "Trajkova, Georgieva, Angelova, Petrova, Kostadinova"
        ),
        languages=("macedone", "inglese"),
    ),
    Origin(
        state_code="Z317",
        state_name="Gambia",
        weight=5,
        male_first_names=_names(
            "Lamin, Modou, Ebrima, Alieu, Omar, Ousman, Musa, Bakary, Momodou, Abdoulie, "
            "Babucarr, Sainey, Karamo, Alhagie, Buba, Sulayman, Yusupha, Kebba, Sheriff, Saikou, "
            "Fansu, Ebou, Pa Modou"
        ),
        female_first_names=_names(
            "Fatou, Isatou, Mariama, Awa, Binta, Haddy, Jainaba, Kaddy, Ndey, Oumie, Satou, Sira, "
            "Aji, Maimuna, Nyima, Kumba, Amie, Fatoumatta, Ramatoulie, Rohey, Hawa, Sainabou"
        ),
        last_names=_names(
            "Jallow, Bah, Ceesay, Touray, Sanneh, Darboe, Jobe, Sowe, Bojang, Camara, Njie, "
            "Manneh, Drammeh, Sillah, Fatty, Sonko, Jatta, Kinteh, Saidy, Colley, Baldeh, "
            "Krubally, Marong, Badjie, Gassama, Kujabi"
        ),
        languages=("mandinka", "wolof", "pulaar", "inglese"),
    ),
    Origin(
        state_code="Z140",
        state_name="Moldova",
        weight=4,
        male_first_names=_names(
            "Ion, Vasile, Gheorghe, Nicolae, Alexandru, Andrei, Sergiu, Vitalie, Igor, Victor, "
            "Dumitru, Mihai, Valeriu, Iurie, Ghenadie, Constantin, Veaceslav, Dorin, Eugen, "
            "Octavian, Radu, Petru, Ruslan, Grigore, Ștefan"
        ),
        female_first_names=_names(
            "Maria, Elena, Ana, Tatiana, Natalia, Svetlana, Olga, Lilia, Ludmila, Valentina, "
            "Galina, Cristina, Irina, Angela, Aurelia, Diana, Nadejda, Larisa, Doina, Mariana, "
            "Veronica, Corina, Victoria, Rodica, Ecaterina"
        ),
        last_names=_names(
            "Rusu, Ceban, Ciobanu, Cebotari, Popa, Lungu, Munteanu, Rotari, Țurcanu, Cojocaru, "
            "Moraru, Sârbu, Guțu, Roșca, Botnari, Grosu, Bejan, Morari, Melnic, Plămădeală, "
            "Cazacu, Bălan, Sandu, Ursu, Lupașcu"
        ),
        languages=("rumeno", "russo"),
    ),
    Origin(
        state_code="Z611",
        state_name="Peru'",
        weight=4,
        male_first_names=_names(
            "José Luis, Juan Carlos, Luis Alberto, Carlos, Jorge, Miguel Ángel, César, Víctor, "
            "Edwin, Wilmer, Percy, Walter, Diego, Renzo, Jhon, Elmer, Roberto, Fernando, "
            "Julio César, Alexander, Raúl, Hugo, Segundo, Jesús"
        ),
        female_first_names=_names(
            "María, Rosa, Carmen, Juana, Ana María, Milagros, Rocío, Lucía, Patricia, Gladys, "
            "Elizabeth, Flor de María, Luz Marina, Yesenia, Karina, Maribel, Sonia, Nelly, "
            "Jessica, Liliana, Isabel, Erika, Silvia, Marisol, Yolanda"
        ),
        last_names=_names(
            "Quispe Mamani, García Flores, Rodríguez Huamán, Mendoza Torres, Chávez Ramírez, "
            "Vargas Rojas, Sánchez Castillo, Huamán Condori, Torres Gutiérrez, Flores Salazar, "
            "Ramos Espinoza, Rojas Paredes, Díaz Vega, Castillo Aguilar, Gonzales Cruz, "
            "Ticona Apaza, Ramírez Palomino, López Cárdenas, Cárdenas Quispe, Espinoza Medina, "
            "Herrera Soto, Reyes Arévalo, Salazar Núñez, Córdova Valverde, Alvarado Pinedo, "
            "Zapata Morales"
        ),
        languages=("spagnolo", "quechua"),
    ),
    Origin(
        state_code="Z200",
        state_name="Afghanistan",
        weight=4,
        male_first_names=_names(
            "Ahmad, Mohammad, Abdul Wahid, Abdul Basir, Rahmatullah, Samiullah, Naqibullah, "
            "Ehsanullah, Noorullah, Hekmatullah, Sayed, Farid, Wahid, Khalid, Habib, Nasir, "
            "Rohullah, Mirwais, Shafiq, Bilal, Murtaza, Reza, Mahdi, Sajjad, Alireza, Jawad, "
            "Mustafa, Hussain"
        ),
        female_first_names=_names(
            "Fatima, Zahra, Maryam, Marzia, Nargis, Farzana, Shabnam, Mina, Parisa, Soraya, "
            "Laila, Zainab, Masooma, Fereshta, Habiba, Shakila, Mursal, Sakina, Roya, Nilofar, "
            "Homa, Zarghona, Sima, Sharifa, Tahmina"
        ),
        last_names=_names(
            "Ahmadi, Mohammadi, Rahimi, Karimi, Noori, Sultani, Amiri, Nazari, Azizi, Habibi, "
            "Sharifi, Hashimi, Sadat, Safi, Hussaini, Haidari, Jafari, Rezaei, Qaderi, Sediqi, "
            "Yousufi, Rasuli, Akbari, Hamidi, Rahmani"
        ),
        languages=("dari", "pashto"),
    ),
    Origin(
        state_code="Z329",
        state_name="Mali",
        weight=4,
        male_first_names=_names(
            "Moussa, Mamadou, Boubacar, Oumar, Adama, Bakary, Sékou, Drissa, Lassana, "
            "Souleymane, Ibrahim, Yacouba, Siaka, Issa, Abdoulaye, Amadou, Bréhima, Mahamadou, "
            "Dramane, Fousseyni, Tiémoko, Cheick Oumar, Sidiki, Hamidou, Modibo"
        ),
        female_first_names=_names(
            "Aminata, Fatoumata, Mariam, Kadiatou, Awa, Oumou, Assétou, Djénéba, Fanta, Hawa, "
            "Kadidia, Korotoumou, Mariétou, Nana, Rokia, Salimata, Sitan, Aïssata, Bintou, "
            "Maïmouna, Safiatou, Ramata"
        ),
        last_names=_names(
            "Traoré, Keïta, Coulibaly, Diarra, Koné, Cissé, Touré, Sangaré, Dembélé, Konaté, "
            "Sidibé, Doumbia, Sacko, Maïga, Diallo, Sissoko, Kanté, Camara, Dicko, Samaké, "
            "Tangara, Bagayoko, Fofana, Diakité, Ballo, Dao, Kouyaté, Berthé"
        ),
        languages=("bambara", "francese"),
    ),
    Origin(
        state_code="Z336",
        state_name="Egitto",
        weight=3,
        male_first_names=_names(
            "Mohamed, Ahmed, Mahmoud, Mostafa, Hassan, Hussein, Ali, Omar, Khaled, Amr, Tarek, "
            "Islam, Karim, Sherif, Ayman, Hany, Walid, Ehab, Hesham, Osama, Ibrahim, Youssef, "
            "Abdelrahman"
        ),
        female_first_names=_names(
            "Fatma, Mona, Heba, Nour, Aya, Mariam, Yasmin, Rana, Dina, Nesma, Shaimaa, Amira, "
            "Asmaa, Doaa, Eman, Hanan, Samar, Salma, Reem, Nada, Marwa, Rania, Hala, Sara, Ghada"
        ),
        last_names=_names(
            "Abdelaziz, El Sayed, Hassan, Mahmoud, Ibrahim, Mostafa, Abdelhamid, Fathy, Ramadan, "
            "Soliman, Abdallah, El Shafei, Farouk, Gamal, Saad, Mohamed Ahmed, Ahmed Hassan, "
            "Abdelmonem, El Masry, Helmy, Fawzy, Tawfik, Radwan, Hamdy, Shehata"
        ),
        languages=("arabo", "inglese"),
        native_scripts=(
            ("Ahmed Mahmoud", "أحمد محمود"),
            ("Fatma Hassan", "فاطمة حسن"),
            ("Mostafa Ibrahim", "مصطفى إبراهيم"),
            ("Mona Abdelaziz", "منى عبد العزيز"),
            ("Khaled El Sayed", "خالد السيد"),
            ("Heba Ramadan", "هبة رمضان"),
        ),
    ),
    Origin(
        state_code="Z313",
        state_name="Costa D'Avorio",
        weight=3,
        male_first_names=_names(
            "Jean-Baptiste, Serge, Franck, Arnaud, Hervé, Ange, Christian, Yves, Jean-Marc, "
            "Armand, Patrick, Roland, Thierry, Wilfried, Cédric, Fabrice, Guy-Roland, Aristide, "
            "Landry, Ghislain, Koffi, Kouassi, Yao, Kouadio, Konan"
        ),
        female_first_names=_names(
            "Adjoua, Akissi, Amenan, Affoué, Ahou, Amoin, Aya, Marie-Laure, Marie-Claire, "
            "Christelle, Estelle, Sandrine, Nadège, Clarisse, Prisca, Laetitia, Bénédicte, "
            "Mireille, Edwige, Solange, Viviane, Josiane, Grâce, Murielle"
        ),
        last_names=_names(
            "Kouassi, Koffi, Konan, Yao, Kouamé, N'Guessan, Kouadio, Yapi, Aka, Assi, Brou, "
            "Tanoh, Aké, Kacou, Ahoua, N'Dri, Kra, Amani, Allou, Boni, Koua, Loukou, Adou, "
            "N'Goran"
        ),
        languages=("francese", "baoulé"),
    ),
    Origin(
        state_code="Z318",
        state_name="Ghana",
        weight=3,
        male_first_names=_names(
            "Kwame, Kofi, Kwabena, Kwaku, Yaw, Kwasi, Kojo, Kwadwo, Emmanuel, Samuel, Isaac, "
            "Eric, Richard, Stephen, Daniel, Michael, Prince, Ebenezer, Francis, Joseph, Bernard, "
            "Felix, Kingsley, Nana"
        ),
        female_first_names=_names(
            "Akosua, Adwoa, Abena, Akua, Yaa, Afua, Ama, Efua, Esi, Comfort, Grace, Gifty, "
            "Patience, Mercy, Vida, Rita, Abigail, Priscilla, Esther, Doris, Linda, Felicia, "
            "Beatrice, Joyce, Agnes"
        ),
        last_names=_names(
            "Mensah, Owusu, Boateng, Asante, Osei, Appiah, Agyeman, Boakye, Ofori, Amoah, Darko, "
            "Frimpong, Acheampong, Adjei, Asamoah, Antwi, Opoku, Kyei, Gyamfi, Sarpong, Danso, "
            "Oppong, Amponsah, Bonsu, Quaye"
        ),
        languages=("twi", "inglese"),
    ),
    Origin(
        state_code="Z319",
        state_name="Guinea",
        weight=3,
        male_first_names=_names(
            "Mamadou, Ibrahima, Amadou, Abdoulaye, Ousmane, Thierno, Mamadou Saliou, Alseny, "
            "Sékou, Mohamed, Boubacar, Lansana, Fodé, Souleymane, Aboubacar, Ismaël, Almamy, "
            "Karamoko, Mory, Oumar, Idrissa, Moussa, Kabinet, Lamine, Abdourahmane, "
            "Mamadou Aliou"
        ),
        female_first_names=_names(
            "Fatoumata, Mariama, Aïssatou, Kadiatou, Oumou, Hawa, Djénabou, Fanta, Kadidiatou, "
            "Aminata, Mabinty, Nènè, Salématou, Binta, Ramatoulaye, Makalé, Saran, Hadiatou, "
            "M'Mah, Fatoumata Binta, Aïcha, Adama, Tiguidanké, Mariama Ciré"
        ),
        last_names=_names(
            "Diallo, Barry, Bah, Sow, Camara, Condé, Keïta, Touré, Sylla, Soumah, Bangoura, "
            "Kourouma, Cissé, Kouyaté, Baldé, Sidibé, Konaté, Kaba, Fofana, Traoré, Kanté, "
            "Diakité, Oularé"
        ),
        languages=("pulaar", "francese", "malinké", "soussou"),
    ),
    Origin(
        state_code="Z222",
        state_name="India",
        weight=3,
        male_first_names=_names(
            "Gurpreet, Harpreet, Jaspreet, Manpreet, Sukhwinder, Jaswinder, Kulwinder, "
            "Balwinder, Harjit, Paramjit, Amarjit, Gurdeep, Harjinder, Rajinder, Lakhwinder, "
            "Sukhdev, Jagdeep, Navdeep, Ravinder, Sarabjit, Gurjit, Mandeep, Kuldeep, Hardeep, "
            "Satnam"
        ),
        female_first_names=_names(
            "Gurpreet, Harpreet, Jaspreet, Manpreet, Simranjit, Sukhwinder, Kulwinder, Jasvir, "
            "Rajwinder, Paramjit, Amandeep, Navneet, Ramandeep, Kirandeep, Harleen, Simran, "
            "Jasleen, Manjit, Baljit, Sarbjit, Parminder, Kamaljit, Rupinder, Harvinder, Gurmeet"
        ),
        last_names=_names(
            "Singh, Sandhu, Gill, Sidhu, Dhillon, Grewal, Brar, Virk, Bains, Randhawa, Kang, "
            "Mann, Sekhon, Cheema, Bajwa, Dhaliwal, Sohal, Aulakh, Chahal, Toor"
        ),
        female_last_names=_names(
            "Kaur, Sandhu, Gill, Sidhu, Dhillon, Grewal, Brar, Virk, Bains, Randhawa, Kang, "
            "Mann, Sekhon, Cheema, Bajwa, Dhaliwal, Sohal, Aulakh, Chahal, Toor"
        ),
        languages=("punjabi", "hindi", "inglese"),
    ),
    Origin(
        state_code="Z216",
        state_name="Filippine",
        weight=3,
        male_first_names=_names(
            "Jose, Juan, Mark Anthony, John Paul, Rodel, Jerome, Romeo, Ronaldo, Reynaldo, "
            "Rolando, Eduardo, Arnel, Ariel, Jomar, Jayson, Christian, Michael, Joel, Noel, "
            "Ramil, Rommel, Edgardo, Danilo, Efren, Renato"
        ),
        female_first_names=_names(
            "Maria Luisa, Maricel, Marites, Rowena, Jocelyn, Lorna, Gemma, Analyn, Rosalie, "
            "Jennifer, Cristina, Mary Grace, Marivic, Rhea, Lovely, Joy, Divina, Evelyn, "
            "Leonora, Teresita, Myrna, Rosemarie, Glenda, Maribel"
        ),
        last_names=_names(
            "Santos, Reyes, Cruz, Bautista, Ocampo, Garcia, Mendoza, Torres, Flores, Villanueva, "
            "Ramos, Castillo, Aquino, Dela Cruz, De Guzman, Del Rosario, Dizon, Manalo, Mercado, "
            "Pascual, Santiago, Soriano, Navarro, Tolentino, Gonzales, Aguilar, Domingo, Valdez, "
            "Macaraeg, Dimaculangan"
        ),
        languages=("tagalog", "inglese"),
    ),
    Origin(
        state_code="Z368",
        state_name="Eritrea",
        weight=2,
        male_first_names=_names(
            "Yonas, Filmon, Dawit, Samuel, Ermias, Habtom, Biniam, Robel, Abraham, Amanuel, "
            "Mussie, Efrem, Natnael, Semere, Teklit, Yemane, Aron, Henok, Mikael, Kibrom, "
            "Tesfay, Mehari, Tekle, Kidane, Berhane, Tsegay"
        ),
        female_first_names=_names(
            "Senait, Helen, Luwam, Selam, Rahel, Saba, Hiwet, Yordanos, Mebrat, Freweini, Tsega, "
            "Winta, Ruta, Hanna, Meron, Eden, Segen, Rigat, Abeba, Elsa, Feven, Almaz, Azieb, "
            "Lidia"
        ),
        last_names=_names(
            "Tesfamariam, Ghebremedhin, Haile, Berhane, Tekle, Kidane, Mehari, Habte, Woldu, "
            "Gebreyesus, Tsegay, Andemariam, Asmerom, Ghebrehiwet, Tesfaldet, Weldemichael, "
            "Negassi, Yohannes, Kahsay, Fessehaye, Zerai, Okbamichael, Tewelde, Haileab, "
            "Ghebreslassie"
        ),
        languages=("tigrino", "arabo", "inglese"),
    ),
    Origin(
        state_code="Z345",
        state_name="Somalia",
        weight=2,
        male_first_names=_names(
            "Mohamed, Abdi, Ahmed, Ali, Hassan, Abdirahman, Abdullahi, Omar, Yusuf, Ibrahim, "
            "Said, Abdikarim, Abdiaziz, Mustafe, Farah, Hussein, Osman, Jama, Mahad, Liban, "
            "Guled, Abdiwali, Hamza, Bashir, Khalid"
        ),
        female_first_names=_names(
            "Fadumo, Hodan, Amina, Asha, Ifrah, Hawa, Sahra, Nimco, Maryan, Ubah, Sagal, Halima, "
            "Khadra, Shukri, Idil, Nasteho, Deeqa, Hibo, Fardowsa, Samira, Zamzam, Muna, Ladan, "
            "Najma, Hamdi"
        ),
        last_names=_names(
            "Abdi Hassan, Mohamed Ali, Hassan Farah, Omar Yusuf, Ahmed Nur, Ali Warsame, "
            "Osman Mohamud, Abdullahi Aden, Hersi, Warsame, Egal, Adan Ismail, Ibrahim Abdi, "
            "Yusuf Jama, Mohamud Hussein, Aden Osman, Nur Ahmed, Hussein Elmi, Dahir, Duale, "
            "Guled Omar, Ismail Abdi, Elmi, Roble"
        ),
        languages=("somalo", "arabo", "inglese"),
    ),
    Origin(
        state_code="Z254",
        state_name="Georgia",
        weight=2,
        male_first_names=_names(
            "Giorgi, Davit, Levan, Irakli, Nikoloz, Zurab, Gia, Lasha, Tornike, Mikheil, "
            "Aleksandre, Luka, Beka, Sandro, Vakhtang, Tamaz, Gela, Otar, Revaz, Shalva, Mamuka, "
            "Dato, Mate, Temur, Zviad"
        ),
        female_first_names=_names(
            "Nino, Tamar, Mariam, Ketevan, Natia, Eka, Maia, Tamta, Salome, Ana, Sopio, Manana, "
            "Lela, Nana, Tinatin, Khatuna, Irma, Lali, Inga, Marina, Keti, Nato, Tea, Lia, Elene"
        ),
        last_names=_names(
            "Beridze, Kapanadze, Gelashvili, Lomidze, Javakhishvili, Maisuradze, Abashidze, "
            "Bolkvadze, Dolidze, Giorgadze, Gogia, Japaridze, Khutsishvili, Mamaladze, Nozadze, "
            "Shengelia, Tabatadze, Tsertsvadze, Kiknadze, Gabunia, Meladze, Chkheidze, "
            "Gurgenidze, Jikia, Kakabadze, Tsereteli, Tsiklauri, Chikovani"
        ),
        languages=("georgiano", "russo"),
        native_scripts=(
            ("Giorgi Beridze", "გიორგი ბერიძე"),
            ("Nino Kapanadze", "ნინო კაპანაძე"),
            ("Levan Gelashvili", "ლევან გელაშვილი"),
            ("Tamar Lomidze", "თამარ ლომიძე"),
            ("Ketevan Javakhishvili", "ქეთევან ჯავახიშვილი"),
        ),
    ),
    Origin(
        state_code="Z243",
        state_name="Turchia",
        weight=2,
        male_first_names=_names(
            "Mehmet, Mustafa, Ahmet, Ali, Hüseyin, Hasan, İbrahim, İsmail, Osman, Yusuf, Murat, "
            "Ömer, Ramazan, Halil, Süleyman, Abdullah, Mahmut, Emre, Burak, Serkan, Şükrü, "
            "Kemal, Cengiz, Erkan, Tuncay, Gökhan, Uğur, Oğuz, Barış, Volkan"
        ),
        female_first_names=_names(
            "Ayşe, Fatma, Emine, Hatice, Zeynep, Elif, Meryem, Şerife, Sultan, Hacer, Hülya, "
            "Özlem, Gülsüm, Esra, Büşra, Derya, Dilek, Sevgi, Songül, Yasemin, Gül, Nurcan, "
            "Aysel, Gülşen, Tuğba"
        ),
        last_names=_names(
            "Yılmaz, Kaya, Demir, Şahin, Çelik, Yıldız, Yıldırım, Öztürk, Aydın, Özdemir, "
            "Arslan, Doğan, Kılıç, Aslan, Çetin, Kara, Koç, Kurt, Özkan, Şimşek, Polat, Özcan, "
            "Korkmaz, Çakır, Erdem, Gündoğdu, Aktaş, Tekin, Acar, Bulut"
        ),
        languages=("turco", "curdo"),
    ),
    Origin(
        state_code="Z154",
        state_name="Federazione Russa",
        weight=2,
        male_first_names=_names(
            "Aleksandr, Sergei, Dmitrii, Andrei, Aleksei, Maksim, Evgenii, Ivan, Mikhail, Artem, "
            "Nikolai, Vladimir, Igor, Pavel, Denis, Roman, Iurii, Oleg, Viktor, Konstantin, "
            "Anton, Kirill, Ilia, Vadim, Ruslan"
        ),
        female_first_names=_names(
            "Olga, Elena, Tatiana, Natalia, Irina, Svetlana, Anna, Mariia, Ekaterina, Iuliia, "
            "Anastasiia, Oksana, Liudmila, Galina, Marina, Viktoriia, Daria, Kseniia, Evgeniia, "
            "Larisa, Nadezhda, Valentina, Alina, Polina, Vera"
        ),
        last_names=_names(
            "Ivanov, Smirnov, Kuznetsov, Popov, Vasilev, Petrov, Sokolov, Mikhailov, Novikov, "
            "Fedorov, Morozov, Volkov, Alekseev, Lebedev, Semenov, Egorov, Pavlov, Kozlov, "
            "Stepanov, Nikolaev, Orlov, Andreev, Makarov, Zakharov, Zaitsev"
        ),
        female_last_names=_names(
            "Ivanova, Smirnova, Kuznetsova, Popova, Vasileva, Petrova, Sokolova, Mikhailova, "
            "Novikova, Fedorova, Morozova, Volkova, Alekseeva, Lebedeva, Semenova, Egorova, "
            "Pavlova, Kozlova, Stepanova, Nikolaeva, Orlova, Andreeva, Makarova, Zakharova, "
            "Zaitseva"
        ),
        languages=("russo",),
        native_scripts=(
            ("Olga Smirnova", "Ольга Смирнова"),
            ("Dmitrii Kuznetsov", "Дмитрий Кузнецов"),
            ("Ekaterina Sokolova", "Екатерина Соколова"),
            ("Aleksei Morozov", "Алексей Морозов"),
            ("Anastasiia Volkova", "Анастасия Волкова"),
            ("Sergei Lebedev", "Сергей Лебедев"),
            ("Iuliia Novikova", "Юлия Новикова"),
            ("Artem Zaitsev", "Артём Зайцев"),
        ),
    ),
    Origin(
        state_code="Z605",
        state_name="Ecuador",
        weight=2,
        male_first_names=_names(
            "Luis, Jorge, Wilson, Segundo, Byron, Washington, Édison, Fabián, Patricio, "
            "Marco Vinicio, Geovanny, Jonathan, Kevin, Bryan, Darwin, Franklin, Jefferson, "
            "Milton, Holger, Ángel, Santiago, Andrés, Xavier, Freddy"
        ),
        female_first_names=_names(
            "Verónica, Mayra, Johanna, Gabriela, Jessenia, Narcisa, Nancy, Mercedes, Blanca, "
            "Gloria, Rosa Elena, Tania, Diana, Katherine, Lorena, Ximena, Paola, Andrea, "
            "Daniela, Mónica, Janeth, Sandra, Cecilia, Fernanda, Sofía"
        ),
        last_names=_names(
            "Zambrano Mendoza, Vera Macías, Cedeño Loor, Pérez Guamán, Morales Cevallos, "
            "Quishpe Tipán, Chávez Andrade, Castro Villacís, Benítez Ortiz, Salazar Jaramillo, "
            "Guerrero Ponce, Bravo Intriago, Muñoz Sánchez, Ortega Vinueza, Carrera Pazmiño, "
            "Mora Espinoza, Ponce Villavicencio, Rivera Álava, Valencia Quiñónez, "
            "Suárez Cabrera, Torres Cueva, Loor Mendoza, Moreira Zambrano, Paredes Yánez, "
            "Jaramillo Herrera"
        ),
        languages=("spagnolo",),
    ),
    Origin(
        state_code="Z251",
        state_name="Vietnam",
        weight=1,
        male_first_names=_names(
            "Văn Đức, Văn Hùng, Văn Nam, Văn Minh, Văn Tuấn, Văn Long, Văn Thành, Văn Hải, "
            "Văn Dũng, Văn Cường, Văn Phúc, Văn Sơn, Đức Anh, Minh Tuấn, Quang Huy, Hoàng Nam, "
            "Thanh Tùng, Quốc Bảo, Minh Khoa, Tiến Dũng, Hữu Phước, Mạnh Hùng, Trọng Hiếu, "
            "Đình Phong"
        ),
        female_first_names=_names(
            "Thị Hoa, Thị Lan, Thị Mai, Thị Hương, Thị Hạnh, Thị Thu Hằng, Thị Thúy, Thị Nga, "
            "Thị Linh, Thị Yến, Thị Dung, Thị Huyền, Thị Loan, Thị Tuyết, Thị Nhung, Thị Phương, "
            "Thị Hồng, Thị Thảo, Thu Trang, Ngọc Anh, Minh Châu, Phương Linh, Bảo Ngọc, "
            "Thanh Hương"
        ),
        last_names=_names(
            "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ, Hồ, Ngô, Dương, "
            "Lý, Đinh, Trương, Đoàn, Lương, Mai, Tạ, Lâm, Cao, Hà"
        ),
        languages=("vietnamita", "inglese"),
    ),
)
"""The communities of origin, most frequent first."""

_WEIGHTS: tuple[int, ...] = tuple(origin.weight for origin in ORIGINS)

# Combinations that would name a well-known living person (or an everyman placeholder):
# ``full_name`` and ``italian_full_name`` draw again when they meet one.
_AVOIDED: frozenset[tuple[str, str]] = frozenset(
    {
        # (last name, first name)
        ("Alam", "Jahangir"),
        ("Hossain", "Rubel"),
        ("Hossain", "Kamal"),
        ("Islam", "Saiful"),
        ("Hasan", "Nurul"),
        ("Haque", "Ariful"),
        ("Rahman", "Sabbir"),
        ("Khatun", "Salma"),
        ("Haque", "Farzana"),
        ("Ighodaro", "Osas"),
        ("Ali", "Asif"),
        ("Khan", "Usman"),
        ("Khan", "Shahid"),
        ("Khan", "Sohail"),
        ("Aslam", "Atif"),
        ("Abbasi", "Kashif"),
        ("Qureshi", "Faisal"),
        ("Hussain", "Zahid"),
        ("Bennani", "Salma"),
        ("Trabelsi", "Leila"),
        ("Karoui", "Nabil"),
        ("Ferchichi", "Anis"),
        ("Riahi", "Slim"),
        ("Shevchenko", "Andrii"),
        ("Shevchenko", "Taras"),
        ("Melnyk", "Andrii"),
        ("Boiko", "Yurii"),
        ("Kovalenko", "Viktor"),
        ("Klymenko", "Ihor"),
        ("Klymenko", "Yuliia"),
        ("Marchenko", "Serhii"),
        ("Tkachenko", "Oleksandr"),
        ("Bondarenko", "Kateryna"),
        ("Savchenko", "Nadiia"),
        ("Moroz", "Oleksandr"),
        ("Lysenko", "Mykola"),
        ("Cissé", "Aliou"),
        ("Ba", "Demba"),
        ("Ba", "Amadou"),
        ("Sow", "Moussa"),
        ("Gueye", "Pape"),
        ("Ndiaye", "Khadim"),
        ("Touré", "Aminata"),
        ("Traoré", "Aminata"),
        ("Traoré", "Rokia"),
        ("Traoré", "Adama"),
        ("Traoré", "Ibrahim"),
        ("Traoré", "Ibrahima"),
        ("Traoré", "Moussa"),
        ("Sangaré", "Oumou"),
        ("Sissoko", "Moussa"),
        ("Sissoko", "Cheick Oumar"),
        ("Keïta", "Modibo"),
        ("Diarra", "Mahamadou"),
        ("Diarra", "Lassana"),
        ("Dembélé", "Moussa"),
        ("Doumbia", "Mariam"),
        ("Touré", "Sékou"),
        ("Li", "Qiang"),
        ("Li", "Xiaolong"),
        ("Zhang", "Jie"),
        ("Zheng", "Jie"),
        ("Hu", "Jun"),
        ("Huang", "Lei"),
        ("Huang", "Xiaoming"),
        ("Wu", "Lei"),
        ("Wu", "Yifan"),
        ("Zhou", "Jie"),
        ("Zhao", "Wei"),
        ("Wang", "Hao"),
        ("Trajkovski", "Aleksandar"),
        ("Nikolov", "Boban"),
        ("Velkovski", "Darko"),
        ("Ristovski", "Stefan"),
        ("Touray", "Isatou"),
        ("Sonko", "Ousman"),
        ("Colley", "Omar"),
        ("Colley", "Ebrima"),
        ("Darboe", "Ebrima"),
        ("Grosu", "Igor"),
        ("Ceban", "Ion"),
        ("Hassan", "Ahmed"),
        ("Shehata", "Hassan"),
        ("Abdelaziz", "Karim"),
        ("Abdelaziz", "Yasmin"),
        ("Ramadan", "Mohamed"),
        ("Saad", "Amr"),
        ("Helmy", "Ahmed"),
        ("Fathy", "Ahmed"),
        ("Kouamé", "Christian"),
        ("Appiah", "Kwasi"),
        ("Appiah", "Stephen"),
        ("Asamoah", "Kwadwo"),
        ("Frimpong", "Emmanuel"),
        ("Singh", "Manpreet"),
        ("Bautista", "Christian"),
        ("Manalo", "Eduardo"),
        ("Cruz", "Gemma"),
        ("Santos", "Rhea"),
        ("Reyes", "Efren"),
        ("Dela Cruz", "Juan"),
        ("Villanueva", "Joel"),
        ("Zerai", "Mussie"),
        ("Shengelia", "Tornike"),
        ("Yılmaz", "Burak"),
        ("Şimşek", "Mehmet"),
        ("Şahin", "Uğur"),
        ("Koç", "Ali"),
        ("Çelik", "Ömer"),
        ("Ivanov", "Sergei"),
        ("Petrov", "Aleksandr"),
        ("Popov", "Aleksandr"),
        ("Lebedev", "Artem"),
        ("Zakharova", "Mariia"),
        ("Volkova", "Iuliia"),
        ("Kuznetsova", "Svetlana"),
        ("Stepanova", "Iuliia"),
        ("Bùi", "Tiến Dũng"),
        ("Nguyễn", "Thanh Tùng"),
        ("Phan", "Văn Đức"),
        ("Lý", "Hoàng Nam"),
        ("Hồ", "Văn Cường"),
        ("Mancini", "Roberto"),
        ("Mengoni", "Marco"),
        ("Giordano", "Paolo"),
        ("Rizzo", "Marco"),
        ("Rossi", "Paolo"),
    }
)


def pick_origin(rng: random.Random) -> Origin:
    """One origin, drawn according to the weights (deterministic for a seeded ``rng``)."""
    return rng.choices(ORIGINS, weights=_WEIGHTS, k=1)[0]


def last_names_for(origin: Origin, sex: Sex) -> tuple[str, ...]:
    """The family names a person of ``origin`` and ``sex`` may carry."""
    if sex == "F" and origin.female_last_names:
        return origin.female_last_names
    return origin.last_names


def _draw(
    rng: random.Random, last_names: tuple[str, ...], first_names: tuple[str, ...]
) -> tuple[str, str]:
    while True:
        last = rng.choice(last_names)
        first = rng.choice(first_names)
        # Eritrean and Somali family names are fathers' first names: skip "Tekle Tekle".
        if first != last and (last, first) not in _AVOIDED:
            return last, first


def _check_sex(sex: str) -> None:
    if sex not in ("F", "M"):
        raise ValueError(f"sesso non valido: {sex!r} (atteso 'F' o 'M')")


def full_name(rng: random.Random, origin: Origin, sex: Sex) -> tuple[str, str]:
    """A realistic ``(last_name, first_name)`` for a person of ``origin`` and ``sex``."""
    _check_sex(sex)
    first_names = origin.female_first_names if sex == "F" else origin.male_first_names
    return _draw(rng, last_names_for(origin, sex), first_names)


def native_script_name(origin: Origin, last_name: str, first_name: str) -> str | None:
    """The person's name in the native script, when ``origin`` lists it; else ``None``."""
    return dict(origin.native_scripts).get(f"{first_name} {last_name}")


# --- Italian data: host families, staff, volunteers -------------------------------------------

ITALIAN_FIRST_NAMES_M: tuple[str, ...] = _names(
    "Marco, Luca, Giuseppe, Francesco, Andrea, Alessandro, Matteo, Lorenzo, Davide, Simone, "
    "Federico, Riccardo, Stefano, Paolo, Giovanni, Roberto, Massimo, Fabio, Gabriele, Nicolò, "
    "Niccolò, Tommaso, Emanuele, Daniele, Michele, Filippo, Giacomo, Alberto, Enrico, Pietro, "
    "Mattia, Leonardo, Claudio, Maurizio, Sergio, Gianluca"
)
ITALIAN_FIRST_NAMES_F: tuple[str, ...] = _names(
    "Maria, Giulia, Francesca, Chiara, Sara, Laura, Valentina, Alessandra, Silvia, Elena, "
    "Federica, Martina, Paola, Roberta, Anna, Elisa, Giorgia, Cristina, Simona, Monica, Barbara, "
    "Benedetta, Ilaria, Marta, Beatrice, Arianna, Lucia, Rita, Noemi, Caterina, Irene, Debora, "
    "Lidia, Annalisa, Maria Grazia"
)
ITALIAN_LAST_NAMES: tuple[str, ...] = _names(
    "Rossi, Russo, Ferrari, Esposito, Bianchi, Romano, Colombo, Ricci, Marino, Greco, Bruno, "
    "Gallo, Conti, De Luca, Mancini, Costa, Giordano, Rizzo, Lombardi, Moretti, D'Angelo, "
    "D'Amico, D'Alessandro, Dell'Orso, Santoni, Pieroni, Santarelli, Carletti, Cingolani, "
    "Giacchetti, Bartolucci, Mazzarini, Pigini, Tittarelli, Mengoni, Paolinelli, Sabbatini, "
    "Giuliodori, Marinelli, Baldoni, Fabbri, Cardinali, Ferretti, Cantù, Zappalà"
)


def italian_full_name(rng: random.Random, sex: Sex) -> tuple[str, str]:
    """An Italian ``(last_name, first_name)`` for host families, staff and volunteers."""
    _check_sex(sex)
    first_names = ITALIAN_FIRST_NAMES_F if sex == "F" else ITALIAN_FIRST_NAMES_M
    return _draw(rng, ITALIAN_LAST_NAMES, first_names)


ANCONA_STREETS: tuple[str, ...] = _names(
    "Corso Garibaldi, Corso Mazzini, Corso Stamira, Corso Carlo Alberto, Corso Amendola, "
    "Piazza Cavour, Piazza Roma, Piazza del Plebiscito, Piazza della Repubblica, "
    "Piazza Ugo Bassi, Piazza Kennedy, Piazza Diaz, Piazza d'Armi, Piazza Pertini, "
    "Via XXIX Settembre, Via Marconi, Via Flaminia, Via Mattei, Via Giordano Bruno, "
    "Via Torresi, Via Vecchini, Via Maratta, Via Palestro, Via Piave, Via Montebello, "
    "Via Thaon de Revel, Via Brecce Bianche, Via Tiziano, Via Isonzo, Via Pergolesi, Via Conca, "
    "Via Cristoforo Colombo, Via Martiri della Resistenza, Via Astagno, Via Pizzecolli, "
    "Via Podesti, Via Nazario Sauro, Via Ruggeri, Via Tavernelle, Via Ranieri, Via Birarelli, "
    "Via Giovanni XXIII, Via della Loggia"
)
"""Streets and squares of Ancona (a house number is added by the caller)."""

QUESTURE: tuple[str, ...] = (
    "Questura di Ancona",
    "Questura di Macerata",
    "Questura di Pesaro e Urbino",
    "Questura di Fermo",
    "Questura di Ascoli Piceno",
    "Questura di Perugia",
    "Questura di Pescara",
    "Questura di Rimini",
    "Questura di Bologna",
    "Questura di Roma",
    "Questura di Milano",
    "Questura di Napoli",
    "Questura di Bari",
    "Questura di Torino",
)
"""Issuers of residence permits, Ancona's first and most often."""

REFERRING_BODIES: tuple[str, ...] = (
    "Servizio sociale territoriale",
    "Segretariato sociale",
    "Caritas diocesana",
    "Pronto soccorso sociale",
    "Centro per l'impiego",
    "SAI - Sistema di accoglienza e integrazione",
    "CAS - Centro di accoglienza straordinaria",
    "Unità di strada",
    "Consultorio familiare",
    "Servizio per le dipendenze (SerD)",
    "Dipartimento di salute mentale",
    "Pronto soccorso ospedaliero",
    "Centro antiviolenza",
    "Ufficio di esecuzione penale esterna (UEPE)",
    "Questura - Ufficio immigrazione",
    "CPIA - Centro provinciale per l'istruzione degli adulti",
    "Servizio tutela minori",
    "Sportello immigrati del Comune",
    "Associazione di volontariato",
    "Parrocchia",
    "Accesso spontaneo",
)
"""Kinds of organisation that refer people to the office (generic names, public offices)."""
