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
        <location filename="../../tit_desktop/ui/pages/admin.py" line="523"/>
        <source>Utenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="525"/>
        <source>Registro attività</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="527"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="529"/>
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
        <location filename="../../tit_desktop/ui/gdpr_actions.py" line="114"/>
        <source>Anonimizza</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="314"/>
        <source>utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="319"/>
        <source>tutte le azioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="322"/>
        <source>dal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="328"/>
        <source>&amp;Cerca</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="331"/>
        <source>Utente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="333"/>
        <source>Tipo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="338"/>
        <source>al</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="350"/>
        <source>Quando</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="351"/>
        <source>Utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="352"/>
        <source>Azione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="353"/>
        <source>Tipo di record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="354"/>
        <source>N.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="355"/>
        <source>Dettaglio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="374"/>
        <source>tutti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="398"/>
        <source>Mostrate le {0} attività più recenti su {1}: restringete i filtri.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="402"/>
        <source>{0} attività</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="412"/>
        <source>Attività n. {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="277"/>
        <source>La password è stata reimpostata dall&apos;amministratore: sceglietene una nuova per continuare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="283"/>
        <source>Almeno {0} caratteri, senza il nome utente.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="305"/>
        <source>le due password non coincidono</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="429"/>
        <source>Esegui &amp;backup ora…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="430"/>
        <source>&amp;Ripristina da un backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="444"/>
        <source>&lt;b&gt;Database:&lt;/b&gt; {0}&lt;br&gt;&lt;b&gt;Revisione dello schema:&lt;/b&gt; {1} ({2})&lt;br&gt;&lt;b&gt;Cartella dei backup automatici:&lt;/b&gt; {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="452"/>
        <source>Salva il backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="452"/>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="479"/>
        <source>Backup (*.sqlite3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="462"/>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="462"/>
        <source>Backup scritto in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="470"/>
        <source>Backup in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="477"/>
        <source>Scegliete il backup da ripristinare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="485"/>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="497"/>
        <source>Ripristino</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="487"/>
        <source>Tutti i dati attuali saranno sostituiti da quelli del backup.
Prima viene salvata una copia dei dati attuali. Continuare?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="490"/>
        <source>Ripristina</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="498"/>
        <source>Ripristino completato. Verrete disconnessi: accedete di nuovo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="509"/>
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
        <location filename="../../tit_desktop/ui/duplicates_dialog.py" line="88"/>
        <source>Torna alla scheda</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="186"/>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="214"/>
        <source>le due password non coincidono</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="68"/>
        <source>Scadenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="69"/>
        <source>Quando</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="70"/>
        <source>Codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="71"/>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="72"/>
        <source>Motivo del permesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="99"/>
        <source>Beneficiari registrati: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="103"/>
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
        <location filename="../../tit_desktop/ui/login.py" line="101"/>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="114"/>
        <source>Inserire il nome utente.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="183"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="184"/>
        <source>Cambia &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="186"/>
        <source>&amp;Impostazioni…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="189"/>
        <source>Esci dall&apos;&amp;account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="192"/>
        <source>&amp;Esci</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="199"/>
        <source>&amp;Aiuto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="200"/>
        <source>Apri la cartella dei &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="204"/>
        <source>&amp;Informazioni su TIT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="212"/>
        <source>Utente: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="214"/>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="225"/>
        <source>Password cambiata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="230"/>
        <source>Informazioni su TIT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="232"/>
        <source>&lt;h3&gt;TIT Desktop {0}&lt;/h3&gt;&lt;p&gt;Gestione del programma «Tessiture Integrate Urbane» del Comune di Ancona: registri, servizi, percorsi, convenzione, moduli e report.&lt;/p&gt;&lt;p&gt;Database: {1}&lt;br&gt;Log: {2}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="39"/>
        <source>Possibili doppioni nel registro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="44"/>
        <source>Coppie di schede che probabilmente riguardano la stessa persona. Unendole, tutti i servizi passano alla scheda che resta; l&apos;unione si può annullare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="54"/>
        <source>Somiglianza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="55"/>
        <source>Prima scheda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="56"/>
        <source>Seconda scheda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="57"/>
        <source>Motivi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="72"/>
        <source>Unisci, tiene la &amp;prima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="73"/>
        <source>Unisci, tiene la &amp;seconda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="74"/>
        <source>Sono persone &amp;diverse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="75"/>
        <source>&amp;Annulla l&apos;ultima unione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="77"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="105"/>
        <source>{0} coppie da controllare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="120"/>
        <source>Unisci schede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="122"/>
        <source>Resta la scheda {0}.
La scheda {1} viene unita a questa: servizi, note e allegati passano alla scheda che resta. Continuare?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="125"/>
        <source>Unisci le schede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="144"/>
        <source>Unione eseguita, con avvisi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="192"/>
        <source>Nuova persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="232"/>
        <source>Anagrafica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="241"/>
        <source>16 caratteri, o 11 cifre se provvisorio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="243"/>
        <source>&amp;Codice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="244"/>
        <source>C&amp;ognome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="245"/>
        <source>&amp;Nome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="246"/>
        <source>&amp;Sesso:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="247"/>
        <source>Data di &amp;nascita:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="248"/>
        <source>&amp;Luogo di nascita:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="253"/>
        <source>non ha risposto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="258"/>
        <source>C&amp;ittadinanza:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="263"/>
        <source>Usa il codice calcolato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="266"/>
        <source>Codice &amp;fiscale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="273"/>
        <source>C&amp;UI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="275"/>
        <source>Permesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="277"/>
        <source>es. permesso elettronico, ricevuta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="283"/>
        <source>&amp;Tipo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="284"/>
        <source>&amp;Motivo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="285"/>
        <source>N&amp;umero:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="286"/>
        <source>&amp;Questura:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="287"/>
        <source>&amp;Rilascio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="288"/>
        <source>Sca&amp;denza:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="296"/>
        <source>Recapiti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="301"/>
        <source>es. arabo, francese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="302"/>
        <source>&amp;Telefono:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="303"/>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="304"/>
        <source>&amp;Indirizzo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="305"/>
        <source>&amp;Lingue parlate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="307"/>
        <source>Situazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="315"/>
        <source>Data &amp;presa in carico:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="316"/>
        <source>&amp;Titolo di studio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="317"/>
        <source>&amp;Condizione occupazionale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="318"/>
        <source>Situazione abitativa (&amp;ETHOS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="319"/>
        <source>&amp;Disabilità:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="320"/>
        <source>Ente i&amp;nviante:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="321"/>
        <source>&amp;Operatore di riferimento:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="324"/>
        <source>Consensi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="327"/>
        <source>sì</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="327"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="328"/>
        <source>non ancora chiesto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="334"/>
        <source>data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="347"/>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="351"/>
        <source>Stampa scheda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="354"/>
        <source>Richiesta di accesso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="357"/>
        <source>Tutti i dati della persona in PDF e JSON (art. 15 GDPR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="360"/>
        <source>Anonimizza…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="362"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="412"/>
        <source>Scrivere una nuova nota… (Ctrl+Invio per aggiungerla)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="446"/>
        <source>cognome e nome, o codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="931"/>
        <source>Togliere il documento selezionato dalla scheda?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="932"/>
        <source>Togli il documento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="391"/>
        <source>Note generali (compaiono nell&apos;esportazione):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="397"/>
        <source>Diario (note datate):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="416"/>
        <source>normale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="418"/>
        <source>riservata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="419"/>
        <source>Aggiungi nota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="429"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="437"/>
        <source>Codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="437"/>
        <source>Nome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="437"/>
        <source>Relazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="462"/>
        <source>Aggiungi al nucleo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="463"/>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="491"/>
        <source>Togli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="465"/>
        <source>Familiare:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="467"/>
        <source>è</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="480"/>
        <source>Nucleo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="489"/>
        <source>Allega documento…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="490"/>
        <source>Salva una copia…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="503"/>
        <source>Allegati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="521"/>
        <source>{0} - {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="553"/>
        <source>anonimizzata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="586"/>
        <source>stato non trovato: sceglierlo dall&apos;elenco che compare scrivendo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="688"/>
        <source>Codice fiscale provvisorio (11 cifre).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="691"/>
        <source>Codice fiscale coerente con i dati inseriti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="732"/>
        <source>Salvato, con avvisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="798"/>
        <source>Diario, nucleo familiare e allegati si compilano dopo il primo salvataggio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="815"/>
        <source>{0} note riservate non visibili con il vostro ruolo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="897"/>
        <source>Documento da allegare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="901"/>
        <source>Descrizione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="901"/>
        <source>Descrizione (facoltativa):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="918"/>
        <source>Salva una copia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="930"/>
        <source>Togli allegato</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonsPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="60"/>
        <source>&amp;Nuova persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="62"/>
        <source>&amp;Apri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="63"/>
        <source>&amp;Importa…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="64"/>
        <source>&amp;Esporta elenco…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="65"/>
        <source>&amp;Doppioni…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="67"/>
        <source>Possibili doppioni nel registro: unire o separare le schede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="85"/>
        <source>Cerca per cognome, nome, codice o codice fiscale (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="94"/>
        <source>Permesso scaduto o in scadenza (60 gg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="165"/>
        <source>Tutte le cittadinanze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="172"/>
        <source>Tutte le situazioni (ETHOS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="179"/>
        <source>Tutti gli operatori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="220"/>
        <source>{0} persone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="265"/>
        <source>Scheda {0} salvata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="269"/>
        <source>Ricerca e filtri tolti per mostrarla nell&apos;elenco.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="298"/>
        <source>File da importare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="300"/>
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
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="148"/>
        <source>File del database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="150"/>
        <source>Database SQLite (*.sqlite3 *.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="170"/>
        <source>Connessione in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="187"/>
        <source>Connessione riuscita. Stato del database: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="203"/>
        <source>Indicare il file del database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="207"/>
        <source>Provate la connessione prima di salvare: deve riuscire.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="87"/>
        <source>Nuovo utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="87"/>
        <source>Modifica utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="102"/>
        <source>&amp;Nome utente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="103"/>
        <source>N&amp;ome e cognome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="104"/>
        <source>&amp;Ruolo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="108"/>
        <source>Utente attivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="111"/>
        <source>Password &amp;provvisoria:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="112"/>
        <source>L&apos;utente dovrà cambiarla al primo accesso.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="175"/>
        <source>&amp;Nuovo utente…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="176"/>
        <source>&amp;Modifica…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="177"/>
        <source>&amp;Reimposta password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="184"/>
        <source>Nome utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="185"/>
        <source>Nome e cognome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="186"/>
        <source>Ruolo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="187"/>
        <source>Stato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="188"/>
        <source>Ultimo accesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="206"/>
        <source>disattivato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="208"/>
        <source>bloccato fino alle {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="212"/>
        <source>attivo (deve cambiare password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="213"/>
        <source>attivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="240"/>
        <source>Reimposta password di {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="247"/>
        <source>Password provvisoria:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="251"/>
        <source>L&apos;utente dovrà cambiarla al prossimo accesso; il blocco per tentativi errati viene tolto.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="49"/>
        <source>Accesso - {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="53"/>
        <source>Programma TIU - Comune di Ancona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="61"/>
        <location filename="../../tit_desktop/ui/login.py" line="155"/>
        <source>&amp;Nome utente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="62"/>
        <location filename="../../tit_desktop/ui/login.py" line="157"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="77"/>
        <source>Accedi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="80"/>
        <source>Impostazioni database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="85"/>
        <source>Versione {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="133"/>
        <source>Primo avvio - {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="138"/>
        <source>&lt;h3&gt;Benvenuti in TIT Desktop&lt;/h3&gt;&lt;p&gt;Il database è nuovo. Create l&apos;utente &lt;b&gt;amministratore&lt;/b&gt;: potrà aggiungere gli altri utenti dalla sezione Amministrazione.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="156"/>
        <source>N&amp;ome e cognome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="158"/>
        <source>&amp;Ripetere la password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="161"/>
        <source>Carica dati dimostrativi (persone e servizi inventati, per provare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="173"/>
        <source>Crea amministratore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="242"/>
        <source>Cambia password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="256"/>
        <source>Password &amp;attuale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="257"/>
        <source>&amp;Nuova password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="258"/>
        <source>&amp;Ripetere la nuova:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="35"/>
        <source>Impostazioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="38"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="40"/>
        <source>Su &amp;questo PC (un solo posto di lavoro)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="46"/>
        <source>Sfoglia…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="50"/>
        <source>Su un &amp;server PostgreSQL condiviso (più PC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="66"/>
        <source>Server (&amp;host):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="67"/>
        <source>Porta:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="68"/>
        <source>Nome del &amp;database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="69"/>
        <source>&amp;Utente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="70"/>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="73"/>
        <source>&amp;Prova connessione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="84"/>
        <source>Il cambio di database ha effetto al prossimo accesso. Un database nuovo viene preparato automaticamente; uno esistente viene aggiornato dopo un backup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>login</name>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="37"/>
        <source>le due password non coincidono</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
