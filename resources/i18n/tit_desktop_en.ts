<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="261"/>
        <source>import_export</source>
        <comment>Cartella di lavoro Excel (*.xlsx)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="262"/>
        <source>import_export</source>
        <comment>File CSV, uno per foglio (*.csv)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="265"/>
        <source>import_export</source>
        <comment>Esporta i beneficiari</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="286"/>
        <source>import_export</source>
        <comment>Esportata 1 persona in:</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="288"/>
        <source>import_export</source>
        <comment>Esportate %1 persone in:</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../tit_desktop/ui/import_export.py" line="292"/>
        <source>import_export</source>
        <comment>Sono state esportate solo le persone che corrispondono ai filtri dell&apos;elenco.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="295"/>
        <source>import_export</source>
        <comment>Esportazione completata</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="302"/>
        <source>import_export</source>
        <comment>Esportazione dei beneficiari…</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="513"/>
        <source>Utenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="515"/>
        <source>Registro attività</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="517"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="519"/>
        <source>Questa sezione è riservata ad amministratori e coordinatori.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnonymiseDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/gdpr_actions.py" line="85"/>
        <source>Anonimizza la persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/gdpr_actions.py" line="90"/>
        <source>&lt;b&gt;Operazione irreversibile.&lt;/b&gt; Nome, cognome, codici, recapiti, note, allegati e legami familiari saranno cancellati, anche dal registro attività. Restano solo i dati anonimi che servono alle statistiche (sesso, cittadinanza, anno di nascita, situazione abitativa, data di presa in carico) e i servizi ricevuti.&lt;br&gt;&lt;br&gt;Per confermare scrivete il codice della persona: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/gdpr_actions.py" line="105"/>
        <source>es. richiesta dell&apos;interessato del gg/mm/aaaa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/gdpr_actions.py" line="107"/>
        <source>&amp;Codice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/gdpr_actions.py" line="108"/>
        <source>&amp;Motivo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/gdpr_actions.py" line="113"/>
        <source>Anonimizza</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="304"/>
        <source>utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="309"/>
        <source>tutte le azioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="312"/>
        <source>dal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="318"/>
        <source>&amp;Cerca</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="321"/>
        <source>Utente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="323"/>
        <source>Tipo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="328"/>
        <source>al</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="340"/>
        <source>Quando</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="341"/>
        <source>Utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="342"/>
        <source>Azione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="343"/>
        <source>Tipo di record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="344"/>
        <source>N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="345"/>
        <source>Dettaglio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="364"/>
        <source>tutti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="386"/>
        <source>più di {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="388"/>
        <source>Mostrate le {0} attività più recenti su {1}: restringete i filtri.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="392"/>
        <source>{0} attività</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="402"/>
        <source>Attività n. {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="247"/>
        <source>La password è stata reimpostata dall&apos;amministratore: sceglietene una nuova per continuare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="253"/>
        <source>Almeno {0} caratteri, senza il nome utente.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="264"/>
        <source>le due password non coincidono</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="419"/>
        <source>Esegui &amp;backup ora…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="420"/>
        <source>&amp;Ripristina da un backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="434"/>
        <source>&lt;b&gt;Database:&lt;/b&gt; {0}&lt;br&gt;&lt;b&gt;Revisione dello schema:&lt;/b&gt; {1} ({2})&lt;br&gt;&lt;b&gt;Cartella dei backup automatici:&lt;/b&gt; {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="442"/>
        <source>Salva il backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="442"/>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="469"/>
        <source>Backup (*.sqlite3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="452"/>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="452"/>
        <source>Backup scritto in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="460"/>
        <source>Backup in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="467"/>
        <source>Scegliete il backup da ripristinare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="475"/>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="487"/>
        <source>Ripristino</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="477"/>
        <source>Tutti i dati attuali saranno sostituiti da quelli del backup.
Prima viene salvata una copia dei dati attuali. Continuare?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="488"/>
        <source>Ripristino completato. Verrete disconnessi: accedete di nuovo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="499"/>
        <source>Ripristino in corso…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/duplicates_dialog.py" line="37"/>
        <source>Possibile persona già registrata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/duplicates_dialog.py" line="42"/>
        <source>Questa persona potrebbe essere già nel registro. Controllate prima di salvare: un doppione divide i servizi di una persona su due schede.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/duplicates_dialog.py" line="52"/>
        <source>Somiglianza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/duplicates_dialog.py" line="53"/>
        <source>Codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/duplicates_dialog.py" line="54"/>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/duplicates_dialog.py" line="55"/>
        <source>Nascita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/duplicates_dialog.py" line="56"/>
        <source>Motivi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/duplicates_dialog.py" line="82"/>
        <source>Apri la scheda selezionata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/duplicates_dialog.py" line="85"/>
        <source>Sono persone diverse: salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/duplicates_dialog.py" line="87"/>
        <source>Torna alla scheda</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="173"/>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="185"/>
        <source>le due password non coincidono</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="70"/>
        <source>Scadenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="71"/>
        <source>Quando</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="72"/>
        <source>Codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="73"/>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="74"/>
        <source>Motivo del permesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="101"/>
        <source>Beneficiari registrati: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="105"/>
        <source>&lt;h3&gt;Permessi di soggiorno da rinnovare&lt;/h3&gt;{0} scaduti, {1} in scadenza nei prossimi {2} giorni (doppio clic per aprire la scheda).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="62"/>
        <source>Importazione da «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="73"/>
        <source>Foglio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="73"/>
        <source>Riga</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="73"/>
        <source>Colonna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="73"/>
        <source>Problema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="86"/>
        <source>&amp;Importa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="89"/>
        <source>&amp;Controlla di nuovo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="91"/>
        <source>Copia l&apos;&amp;elenco</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="93"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="115"/>
        <source>Controllo del file in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="121"/>
        <source>Controllo del file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="127"/>
        <location filename="../../tit_desktop/ui/import_export.py" line="133"/>
        <source>Importazione in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="154"/>
        <source>Premere «Importa» per registrare i dati.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="159"/>
        <source>Correggere il file e premere «Controlla di nuovo».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="174"/>
        <source>Il file è cambiato dopo il controllo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="188"/>
        <source>Operazione annullata: non è stato importato nulla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="190"/>
        <source>Operazione non riuscita: non è stato importato nulla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="199"/>
        <source>Errore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="199"/>
        <source>Avviso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="201"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="215"/>
        <source>Sono mostrati i primi %1 problemi: «Copia l&apos;elenco» li copia tutti.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="88"/>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="101"/>
        <source>Inserire il nome utente.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="174"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="175"/>
        <source>Cambia &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="177"/>
        <source>&amp;Impostazioni…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="180"/>
        <source>Esci dall&apos;&amp;account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="183"/>
        <source>&amp;Esci</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="190"/>
        <source>&amp;Aiuto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="191"/>
        <source>Apri la cartella dei &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="195"/>
        <source>&amp;Informazioni su TIT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="203"/>
        <source>Utente: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="205"/>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="216"/>
        <source>Password cambiata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="221"/>
        <source>Informazioni su TIT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="223"/>
        <source>&lt;h3&gt;TIT Desktop {0}&lt;/h3&gt;&lt;p&gt;Gestione del programma «Tessiture Integrate Urbane» del Comune di Ancona: registri, servizi, percorsi, convenzione, moduli e report.&lt;/p&gt;&lt;p&gt;Database: {1}&lt;br&gt;Log: {2}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="38"/>
        <source>Possibili doppioni nel registro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="43"/>
        <source>Coppie di schede che probabilmente riguardano la stessa persona. Unendole, tutti i servizi passano alla scheda che resta; l&apos;unione si può annullare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="53"/>
        <source>Somiglianza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="54"/>
        <source>Prima scheda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="55"/>
        <source>Seconda scheda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="56"/>
        <source>Motivi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="71"/>
        <source>Unisci, tiene la &amp;prima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="72"/>
        <source>Unisci, tiene la &amp;seconda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="73"/>
        <source>Sono persone &amp;diverse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="74"/>
        <source>&amp;Annulla l&apos;ultima unione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="76"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="104"/>
        <source>{0} coppie da controllare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="119"/>
        <source>Unisci schede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="121"/>
        <source>Resta la scheda {0}.
La scheda {1} viene unita a questa: servizi, note e allegati passano alla scheda che resta. Continuare?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="143"/>
        <source>Unione eseguita, con avvisi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="146"/>
        <source>Nuova persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="170"/>
        <source>Anagrafica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="179"/>
        <source>16 caratteri, o 11 cifre se provvisorio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="181"/>
        <source>&amp;Codice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="182"/>
        <source>C&amp;ognome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="183"/>
        <source>&amp;Nome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="184"/>
        <source>&amp;Sesso:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="185"/>
        <source>Data di &amp;nascita:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="186"/>
        <source>&amp;Luogo di nascita:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="191"/>
        <source>non ha risposto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="196"/>
        <source>C&amp;ittadinanza:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="201"/>
        <source>Usa il codice calcolato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="204"/>
        <source>Codice &amp;fiscale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="210"/>
        <source>C&amp;UI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="212"/>
        <source>Permesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="214"/>
        <source>es. permesso elettronico, ricevuta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="220"/>
        <source>&amp;Tipo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="221"/>
        <source>&amp;Motivo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="222"/>
        <source>N&amp;umero:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="223"/>
        <source>&amp;Questura:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="224"/>
        <source>&amp;Rilascio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="225"/>
        <source>Sca&amp;denza:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="227"/>
        <source>Recapiti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="232"/>
        <source>es. arabo, francese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="233"/>
        <source>&amp;Telefono:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="234"/>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="235"/>
        <source>&amp;Indirizzo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="236"/>
        <source>&amp;Lingue parlate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="238"/>
        <source>Situazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="246"/>
        <source>Data &amp;presa in carico:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="247"/>
        <source>&amp;Titolo di studio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="248"/>
        <source>&amp;Condizione occupazionale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="249"/>
        <source>Situazione abitativa (&amp;ETHOS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="250"/>
        <source>&amp;Disabilità:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="251"/>
        <source>Ente i&amp;nviante:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="252"/>
        <source>&amp;Operatore di riferimento:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="255"/>
        <source>Consensi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="258"/>
        <source>sì</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="258"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="259"/>
        <source>non ancora chiesto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="265"/>
        <source>data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="278"/>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="282"/>
        <source>Stampa scheda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="285"/>
        <source>Richiesta di accesso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="288"/>
        <source>Tutti i dati della persona in PDF e JSON (art. 15 GDPR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="291"/>
        <source>Anonimizza…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="293"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="316"/>
        <source>Il vostro ruolo permette solo la lettura.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="321"/>
        <source>Note generali (compaiono nell&apos;esportazione):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="327"/>
        <source>Diario (note datate):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="338"/>
        <source>Scrivere una nuova nota…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="340"/>
        <source>normale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="342"/>
        <source>riservata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="343"/>
        <source>Aggiungi nota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="350"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="358"/>
        <source>Codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="358"/>
        <source>Nome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="358"/>
        <source>Relazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="366"/>
        <source>codice della persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="370"/>
        <source>Aggiungi al nucleo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="371"/>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="395"/>
        <source>Togli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="373"/>
        <source>Familiare:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="375"/>
        <source>è</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="384"/>
        <source>Nucleo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="393"/>
        <source>Allega documento…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="394"/>
        <source>Salva una copia…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="407"/>
        <source>Allegati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="425"/>
        <source>{0} - {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="457"/>
        <source>anonimizzata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="477"/>
        <source>stato non trovato: sceglierlo dall&apos;elenco che compare scrivendo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="551"/>
        <source>Codice fiscale non valido: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="559"/>
        <source>Codice fiscale provvisorio (11 cifre).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="562"/>
        <source>Codice fiscale coerente con i dati inseriti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="601"/>
        <source>Salvato, con avvisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="658"/>
        <source>Diario, nucleo familiare e allegati si compilano dopo il primo salvataggio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="675"/>
        <source>{0} note riservate non visibili con il vostro ruolo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="732"/>
        <source>Documento da allegare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="736"/>
        <source>Descrizione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="736"/>
        <source>Descrizione (facoltativa):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="753"/>
        <source>Salva una copia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="764"/>
        <source>Togli allegato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="764"/>
        <source>Togliere il documento selezionato?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonsPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="58"/>
        <source>&amp;Nuova persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="60"/>
        <source>&amp;Apri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="61"/>
        <source>&amp;Importa…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="62"/>
        <source>&amp;Esporta elenco…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="63"/>
        <source>&amp;Doppioni…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="65"/>
        <source>Possibili doppioni nel registro: unire o separare le schede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="83"/>
        <source>Cerca per cognome, nome, codice o codice fiscale (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="92"/>
        <source>Permesso scaduto o in scadenza (60 gg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="162"/>
        <source>Tutte le cittadinanze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="169"/>
        <source>Tutte le situazioni (ETHOS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="176"/>
        <source>Tutti gli operatori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="206"/>
        <source>{0} persone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="250"/>
        <source>File da importare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="252"/>
        <source>Cartella di lavoro Excel (*.xlsx);;File CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/placeholder.py" line="19"/>
        <source>Questa sezione sarà disponibile in un prossimo aggiornamento.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="141"/>
        <source>File del database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="143"/>
        <source>Database SQLite (*.sqlite3 *.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="163"/>
        <source>Connessione in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="180"/>
        <source>Connessione riuscita. Stato del database: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="196"/>
        <source>Indicare il file del database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="200"/>
        <source>Provate la connessione prima di salvare: deve riuscire.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="85"/>
        <source>Nuovo utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="85"/>
        <source>Modifica utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="100"/>
        <source>&amp;Nome utente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="101"/>
        <source>N&amp;ome e cognome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="102"/>
        <source>&amp;Ruolo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="106"/>
        <source>Utente attivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="109"/>
        <source>Password &amp;provvisoria:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="110"/>
        <source>L&apos;utente dovrà cambiarla al primo accesso.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="166"/>
        <source>&amp;Nuovo utente…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="167"/>
        <source>&amp;Modifica…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="168"/>
        <source>&amp;Reimposta password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="175"/>
        <source>Nome utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="176"/>
        <source>Nome e cognome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="177"/>
        <source>Ruolo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="178"/>
        <source>Stato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="179"/>
        <source>Ultimo accesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="197"/>
        <source>disattivato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="199"/>
        <source>bloccato fino alle {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="203"/>
        <source>attivo (deve cambiare password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="204"/>
        <source>attivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="231"/>
        <source>Reimposta password di {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="237"/>
        <source>Password provvisoria:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="241"/>
        <source>L&apos;utente dovrà cambiarla al prossimo accesso; il blocco per tentativi errati viene tolto.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="36"/>
        <source>Accesso - {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="40"/>
        <source>Programma TIU - Comune di Ancona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="48"/>
        <location filename="../../tit_desktop/ui/login.py" line="142"/>
        <source>&amp;Nome utente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="49"/>
        <location filename="../../tit_desktop/ui/login.py" line="144"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="64"/>
        <source>Accedi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="67"/>
        <source>Impostazioni database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="72"/>
        <source>Versione {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="120"/>
        <source>Primo avvio - {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="125"/>
        <source>&lt;h3&gt;Benvenuti in TIT Desktop&lt;/h3&gt;&lt;p&gt;Il database è nuovo. Create l&apos;utente &lt;b&gt;amministratore&lt;/b&gt;: potrà aggiungere gli altri utenti dalla sezione Amministrazione.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="143"/>
        <source>N&amp;ome e cognome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="145"/>
        <source>&amp;Ripetere la password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="148"/>
        <source>Carica dati dimostrativi (persone e servizi inventati, per provare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="160"/>
        <source>Crea amministratore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="212"/>
        <source>Cambia password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="226"/>
        <source>Password &amp;attuale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="227"/>
        <source>&amp;Nuova password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="228"/>
        <source>&amp;Ripetere la nuova:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="34"/>
        <source>Impostazioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="37"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="39"/>
        <source>Su &amp;questo PC (un solo posto di lavoro)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="45"/>
        <source>Sfoglia…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="49"/>
        <source>Su un &amp;server PostgreSQL condiviso (più PC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="65"/>
        <source>Server (&amp;host):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="66"/>
        <source>Porta:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="67"/>
        <source>Nome del &amp;database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="68"/>
        <source>&amp;Utente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="69"/>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="72"/>
        <source>&amp;Prova connessione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="83"/>
        <source>Il cambio di database ha effetto al prossimo accesso. Un database nuovo viene preparato automaticamente; uno esistente viene aggiornato dopo un backup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
