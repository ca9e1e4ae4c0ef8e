<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="297"/>
        <source>import_export</source>
        <comment>Cartella di lavoro Excel (*.xlsx)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="298"/>
        <source>import_export</source>
        <comment>File CSV, uno per foglio (*.csv)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="301"/>
        <source>import_export</source>
        <comment>Esporta i beneficiari</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="320"/>
        <source>import_export</source>
        <comment>Esportata 1 persona in:</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="322"/>
        <source>import_export</source>
        <comment>Esportate %1 persone in:</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../tit_desktop/ui/import_export.py" line="326"/>
        <source>import_export</source>
        <comment>Sono state esportate solo le persone che corrispondono ai filtri dell&apos;elenco.</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="329"/>
        <source>import_export</source>
        <comment>Esportazione completata</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="336"/>
        <source>import_export</source>
        <comment>Esportazione dei beneficiari…</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="415"/>
        <source>Utenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="417"/>
        <source>Registro attività</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="419"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="421"/>
        <source>Questa sezione è riservata ad amministratori e coordinatori.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnonymiseDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/gdpr_actions.py" line="83"/>
        <source>Anonimizza la persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/gdpr_actions.py" line="88"/>
        <source>&lt;b&gt;Operazione irreversibile.&lt;/b&gt; Nome, cognome, codici, recapiti, note, allegati e legami familiari saranno cancellati, anche dal registro attività. Restano solo i dati anonimi che servono alle statistiche (sesso, cittadinanza, anno di nascita, situazione abitativa, data di presa in carico) e i servizi ricevuti.&lt;br&gt;&lt;br&gt;Per confermare scrivete il codice della persona: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/gdpr_actions.py" line="103"/>
        <source>es. richiesta dell&apos;interessato del gg/mm/aaaa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/gdpr_actions.py" line="105"/>
        <source>&amp;Codice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/gdpr_actions.py" line="106"/>
        <source>&amp;Motivo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/gdpr_actions.py" line="112"/>
        <source>Anonimizza</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditDetailDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="141"/>
        <source>Dettaglio dell&apos;attività</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="157"/>
        <source>Campo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="157"/>
        <source>Prima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="157"/>
        <source>Dopo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="174"/>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="176"/>
        <source>Valore</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="70"/>
        <source>Data e ora</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="71"/>
        <source>Utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="72"/>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="73"/>
        <source>Attività</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="218"/>
        <source>Codice o nome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="235"/>
        <source>Tutti i tipi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="240"/>
        <source>Tutte le azioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="243"/>
        <source>&amp;Persona:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="245"/>
        <source>&amp;Utente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="247"/>
        <source>&amp;Tipo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="249"/>
        <source>A&amp;zione:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="274"/>
        <source>&amp;Cerca</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="266"/>
        <source>Peri&amp;odo dal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="276"/>
        <source>Azzera i f&amp;iltri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="278"/>
        <source>‹ Più &amp;recenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="280"/>
        <source>Più &amp;vecchie ›</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="285"/>
        <source>al</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="314"/>
        <source>&amp;Dettagli…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="316"/>
        <source>Doppio clic o Invio su una riga per vederne i dettagli.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="322"/>
        <source>Verifica l&apos;inte&amp;grità…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="325"/>
        <source>Controlla che nessuna riga del registro sia stata modificata o cancellata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="360"/>
        <source>Verifica del registro delle attività</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="371"/>
        <source>Verifica del registro in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="380"/>
        <source>Tutti gli utenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="429"/>
        <source>Nessuna persona corrisponde a «{0}».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="432"/>
        <source>Più persone corrispondono a «{0}»: sceglietene una dall&apos;elenco.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="555"/>
        <source>Nessuna attività con questi filtri.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="557"/>
        <source>%n attività</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="560"/>
        <source>più di {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/audit_log.py" line="565"/>
        <source>Attività da {0} a {1} di {2}, dalla più recente.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="331"/>
        <source>La password è stata reimpostata dall&apos;amministratore: sceglietene una nuova per continuare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="337"/>
        <source>Almeno {0} caratteri, senza il nome utente.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="361"/>
        <source>le due password non coincidono</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="273"/>
        <source>Esegui &amp;backup ora…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="274"/>
        <source>&amp;Ripristina da un backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="284"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="286"/>
        <source>Dimensione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="292"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="315"/>
        <source>&lt;b&gt;Database:&lt;/b&gt; {0}&lt;br&gt;&lt;b&gt;Revisione dello schema:&lt;/b&gt; {1} ({2})&lt;br&gt;&lt;b&gt;Cartella dei backup automatici:&lt;/b&gt; {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="326"/>
        <source>&lt;b&gt;Ultimo backup:&lt;/b&gt; nessun backup eseguito</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="330"/>
        <source>oggi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="332"/>
        <source>{n} giorno fa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="332"/>
        <source>{n} giorni fa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="335"/>
        <source>&lt;b&gt;Ultimo backup:&lt;/b&gt; {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="341"/>
        <source>Salva il backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="343"/>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="370"/>
        <source>Backup (*.sqlite3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="354"/>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="354"/>
        <source>Backup scritto in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="362"/>
        <source>Backup in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="369"/>
        <source>Scegliete il backup da ripristinare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="377"/>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="389"/>
        <source>Ripristino</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="379"/>
        <source>Tutti i dati attuali saranno sostituiti da quelli del backup.
Prima viene salvata una copia dei dati attuali. Continuare?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="382"/>
        <source>Ripristina</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="390"/>
        <source>Ripristino completato. Verrete disconnessi: accedete di nuovo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="401"/>
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
    <name>EditConflictDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="30"/>
        <source>Modifiche in conflitto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="35"/>
        <source>Mentre modificavate questa scheda un collega l&apos;ha salvata, cambiando anche dati che avete cambiato voi. Per ciascuno scegliete la versione da tenere; poi controllate la scheda e salvate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="44"/>
        <source>Già riportate nella scheda le modifiche del collega a: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="53"/>
        <source>Dato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="53"/>
        <source>La vostra versione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="53"/>
        <source>La versione del collega</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="78"/>
        <source>Tutte le &amp;mie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="79"/>
        <source>Tutte quelle del &amp;collega</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="83"/>
        <source>&amp;Usa queste scelte</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="234"/>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="266"/>
        <source>le due password non coincidono</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="77"/>
        <source>Scadenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="78"/>
        <source>Quando</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="79"/>
        <source>Codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="80"/>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="82"/>
        <source>Motivo del permesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="104"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="105"/>
        <source>Promemoria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="133"/>
        <source>Beneficiari registrati: &lt;b&gt;{0}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="137"/>
        <source>&lt;h3&gt;Permessi di soggiorno da rinnovare&lt;/h3&gt;{0}, {1} in scadenza nei prossimi {2} giorni (doppio clic per aprire la scheda).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="140"/>
        <location filename="../../tit_desktop/ui/pages/home.py" line="150"/>
        <source>{n} scaduto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="140"/>
        <location filename="../../tit_desktop/ui/pages/home.py" line="150"/>
        <source>{n} scaduti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="148"/>
        <source>&lt;h3&gt;Promemoria&lt;/h3&gt;{0}, {1} (doppio clic per aprire).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="149"/>
        <source>{n} promemoria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/home.py" line="153"/>
        <source>&lt;h3&gt;Promemoria&lt;/h3&gt;Nessun promemoria.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="65"/>
        <source>Importazione da «%1»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="76"/>
        <source>Riconosciuta automaticamente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="77"/>
        <source>UTF-8 (CSV UTF-8 di Excel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="79"/>
        <source>Windows-1252 (CSV di Excel con separatore di elenco)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="81"/>
        <source>&amp;Codifica dei caratteri del file CSV:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="96"/>
        <source>Foglio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="96"/>
        <source>Riga</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="96"/>
        <source>Colonna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="96"/>
        <source>Problema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="109"/>
        <source>&amp;Importa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="112"/>
        <source>&amp;Controlla di nuovo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="114"/>
        <source>Copia l&apos;&amp;elenco</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="116"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="143"/>
        <source>Controllo del file in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="150"/>
        <source>Controllo del file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="156"/>
        <location filename="../../tit_desktop/ui/import_export.py" line="163"/>
        <source>Importazione in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="189"/>
        <source>Premere «Importa» per registrare i dati.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="194"/>
        <source>Correggere il file e premere «Controlla di nuovo».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="210"/>
        <source>Il file è cambiato dopo il controllo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="225"/>
        <source>Operazione annullata: non è stato importato nulla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="227"/>
        <source>Operazione non riuscita: non è stato importato nulla.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="237"/>
        <source>Errore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="237"/>
        <source>Avviso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="239"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="253"/>
        <source>Sono mostrati i primi %1 problemi: «Copia l&apos;elenco» li copia tutti.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="124"/>
        <source>Apertura del database in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="135"/>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="159"/>
        <source>Inserire il nome utente.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="187"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="188"/>
        <source>Cambia &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="190"/>
        <source>&amp;Impostazioni…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="193"/>
        <source>Esci dall&apos;&amp;account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="196"/>
        <source>&amp;Esci</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="203"/>
        <source>&amp;Aiuto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="204"/>
        <source>Apri la cartella dei &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="208"/>
        <source>&amp;Informazioni su TIT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="216"/>
        <source>Utente: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="218"/>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="229"/>
        <source>Password cambiata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="234"/>
        <source>Informazioni su TIT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="236"/>
        <source>&lt;h3&gt;TIT Desktop {0}&lt;/h3&gt;&lt;p&gt;Gestione del programma «Tessiture Integrate Urbane» del Comune di Ancona: registri, servizi, percorsi, convenzione, moduli e report.&lt;/p&gt;&lt;p&gt;Database: {1}&lt;br&gt;Log: {2}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="40"/>
        <source>Possibili doppioni nel registro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="45"/>
        <source>Coppie di schede che probabilmente riguardano la stessa persona. Unendole, tutti i servizi passano alla scheda che resta; l&apos;unione si può annullare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="55"/>
        <source>Somiglianza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="56"/>
        <source>Prima scheda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="57"/>
        <source>Seconda scheda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="58"/>
        <source>Motivi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="73"/>
        <source>Unisci, tiene la &amp;prima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="74"/>
        <source>Unisci, tiene la &amp;seconda</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="75"/>
        <source>Sono persone &amp;diverse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="76"/>
        <source>&amp;Annulla l&apos;ultima unione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="78"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="116"/>
        <source>{n} coppia da controllare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="117"/>
        <source>{n} coppie da controllare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="135"/>
        <source>Unisci schede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="137"/>
        <source>Resta la scheda {0}.
La scheda {1} viene unita a questa: servizi, note e allegati passano alla scheda che resta. Continuare?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="140"/>
        <source>Unisci le schede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/merge_dialog.py" line="159"/>
        <source>Unione eseguita, con avvisi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="149"/>
        <source>Nuova persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="166"/>
        <source>automatico ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="192"/>
        <source>Anagrafica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="201"/>
        <source>16 caratteri, o 11 cifre se provvisorio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="203"/>
        <source>&amp;Codice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="204"/>
        <source>C&amp;ognome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="205"/>
        <source>&amp;Nome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="206"/>
        <source>&amp;Sesso:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="207"/>
        <source>&amp;Data di nascita:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="208"/>
        <source>&amp;Luogo di nascita:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="213"/>
        <source>non ha risposto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="218"/>
        <source>C&amp;ittadinanza:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="223"/>
        <source>Usa il codice calcolato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="226"/>
        <source>Codice &amp;fiscale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="233"/>
        <source>C&amp;UI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="235"/>
        <source>Permesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="237"/>
        <source>es. permesso elettronico, ricevuta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="245"/>
        <source>&amp;Tipo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="246"/>
        <source>&amp;Motivo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="247"/>
        <source>N&amp;umero:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="248"/>
        <source>&amp;Questura:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="249"/>
        <source>&amp;Rilascio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="250"/>
        <source>Sca&amp;denza:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="258"/>
        <source>Recapiti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="263"/>
        <source>es. arabo, francese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="264"/>
        <source>&amp;Telefono:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="265"/>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="266"/>
        <source>&amp;Indirizzo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="267"/>
        <source>&amp;Lingue parlate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="269"/>
        <source>Situazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="277"/>
        <source>Data &amp;presa in carico:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="278"/>
        <source>&amp;Titolo di studio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="279"/>
        <source>&amp;Condizione occupazionale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="280"/>
        <source>Situazione abitativa (&amp;ETHOS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="281"/>
        <source>&amp;Disabilità:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="282"/>
        <source>Ente i&amp;nviante:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="283"/>
        <source>&amp;Operatore di riferimento:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="286"/>
        <source>Consensi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="289"/>
        <source>sì</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="289"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="290"/>
        <source>non ancora chiesto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="296"/>
        <source>data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="309"/>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="313"/>
        <source>Stampa scheda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="316"/>
        <source>Richiesta di accesso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="319"/>
        <source>Tutti i dati della persona in PDF e JSON (art. 15 GDPR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="322"/>
        <source>Anonimizza…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="324"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="374"/>
        <source>Scrivere una nuova nota… (Ctrl+Invio per aggiungerla)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="408"/>
        <source>cognome e nome, o codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="732"/>
        <source>nessun dato che avete cambiato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="735"/>
        <source>Scheda modificata da un collega</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="737"/>
        <source>Mentre modificavate questa scheda un collega l&apos;ha salvata. Le sue modifiche ({0}) sono state riportate nel modulo insieme alle vostre. Controllate e premete Salva.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="823"/>
        <source>{n} nota riservata non visibile con il vostro ruolo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="824"/>
        <source>{n} note riservate non visibili con il vostro ruolo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="937"/>
        <source>Togliere il documento selezionato dalla scheda?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="938"/>
        <source>Togli il documento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="353"/>
        <source>Note generali (compaiono nell&apos;esportazione):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="359"/>
        <source>Diario (note datate):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="378"/>
        <source>normale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="380"/>
        <source>riservata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="381"/>
        <source>Aggiungi nota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="391"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="399"/>
        <source>Codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="399"/>
        <source>Nome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="399"/>
        <source>Relazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="424"/>
        <source>Aggiungi al nucleo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="425"/>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="453"/>
        <source>Togli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="427"/>
        <source>Familiare:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="429"/>
        <source>è</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="442"/>
        <source>Nucleo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="451"/>
        <source>Allega documento…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="452"/>
        <source>Salva una copia…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="465"/>
        <source>Allegati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="484"/>
        <source>{0} - {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="486"/>
        <source>anonimizzata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="552"/>
        <source>stato non trovato: sceglierlo dall&apos;elenco che compare scrivendo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="654"/>
        <source>Codice fiscale provvisorio (11 cifre).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="657"/>
        <source>Codice fiscale coerente con i dati inseriti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="702"/>
        <source>Salvato, con avvisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="804"/>
        <source>Diario, nucleo familiare e allegati si compilano dopo il primo salvataggio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="907"/>
        <source>Documento da allegare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="911"/>
        <source>Descrizione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="911"/>
        <source>Descrizione (facoltativa):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="926"/>
        <source>Salva una copia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="936"/>
        <source>Togli allegato</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonsPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="72"/>
        <source>&amp;Nuova persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="74"/>
        <source>A&amp;pri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="75"/>
        <source>&amp;Importa…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="76"/>
        <source>&amp;Esporta elenco…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="77"/>
        <source>&amp;Doppioni…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="79"/>
        <source>Possibili doppioni nel registro: unire o separare le schede</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="81"/>
        <source>Conser&amp;vazione…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="83"/>
        <source>Anonimizzare chi non ha attività da più anni del periodo di conservazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="104"/>
        <source>Cerca per cognome, nome, codice o codice fiscale (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="113"/>
        <source>Permesso scaduto o in scadenza (60 gg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="218"/>
        <source>Tutte le cittadinanze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="225"/>
        <source>Tutte le situazioni (ETHOS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="232"/>
        <source>Tutti gli operatori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="273"/>
        <source>{n} persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="273"/>
        <source>{n} persone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="318"/>
        <source>Scheda {0} salvata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="322"/>
        <source>Ricerca e filtri tolti per mostrarla nell&apos;elenco.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="352"/>
        <source>File da importare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="353"/>
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
    <name>ReportsPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/reports.py" line="49"/>
        <source>Il riepilogo annuale (PDF e XLSX) e le esportazioni arriveranno con un prossimo aggiornamento. Da qui si stampano intanto i moduli per una persona.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/reports.py" line="59"/>
        <source>Modulo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/reports.py" line="59"/>
        <source>Si stampa per</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/reports.py" line="59"/>
        <source>Lingue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/reports.py" line="59"/>
        <source>Nome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/reports.py" line="67"/>
        <source>una persona (codice o nome)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/reports.py" line="75"/>
        <source>«Nome» è quello da usare con il comando: tit-desktop form NOME --person CODICE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/reports.py" line="84"/>
        <source>Stampa il modulo selezionato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/reports.py" line="89"/>
        <source>Cognome, nome o codice della persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/reports.py" line="94"/>
        <source>&amp;Persona:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/reports.py" line="101"/>
        <source>&amp;Lingua:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/reports.py" line="108"/>
        <source>&amp;Salva il PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/reports.py" line="181"/>
        <source>Il vostro ruolo non permette di stampare i moduli.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/reports.py" line="183"/>
        <source>Cercate e scegliete la persona.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetentionDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="38"/>
        <source>Conservazione dei dati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="43"/>
        <source>Le persone senza alcuna attività (presa in carico, servizi, percorsi) da più anni del periodo di conservazione vanno anonimizzate. Cercatele, salvate l&apos;elenco perché un collega lo verifichi, poi anonimizzate l&apos;elenco verificato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="51"/>
        <source>&amp;Anni senza attività:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="57"/>
        <source>&amp;Cerca</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="58"/>
        <source>Apri un &amp;elenco…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="65"/>
        <source>Nessun elenco.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="71"/>
        <source>Codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="71"/>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="71"/>
        <source>Ultima attività</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="71"/>
        <source>Quale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="81"/>
        <source>&amp;Salva l&apos;elenco…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="82"/>
        <source>A&amp;nonimizza l&apos;elenco…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="110"/>
        <source>{0} senza attività dal {1} (elenco del {2}, di {3}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="111"/>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="182"/>
        <source>{n} persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="111"/>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="182"/>
        <source>{n} persone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="134"/>
        <source>Salva l&apos;elenco da verificare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="136"/>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="152"/>
        <source>Elenco (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="146"/>
        <source>impossibile scrivere il file ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="152"/>
        <source>Apri un elenco verificato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="162"/>
        <source>il file non si può leggere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="177"/>
        <source>Anonimizzare l&apos;elenco?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="179"/>
        <source>{0} dell&apos;elenco saranno anonimizzate per sempre: nomi, codici, recapiti, note e allegati non si potranno più recuperare. Chi ha avuto attività dopo la verifica sarà saltato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="183"/>
        <source>Anonimizza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="184"/>
        <source>Non anonimizzare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="196"/>
        <source>Anonimizzate: {0}. Saltate: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="152"/>
        <source>File del database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="154"/>
        <source>Database SQLite (*.sqlite3 *.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="175"/>
        <source>Connessione in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="192"/>
        <source>Connessione riuscita. Stato del database: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="208"/>
        <source>Indicare il file del database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="212"/>
        <source>Provate la connessione prima di salvare: deve riuscire.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="69"/>
        <source>Nuovo utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="69"/>
        <source>Modifica utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="84"/>
        <source>&amp;Nome utente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="85"/>
        <source>N&amp;ome e cognome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="86"/>
        <source>&amp;Ruolo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="90"/>
        <source>Utente attivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="93"/>
        <source>Password &amp;provvisoria:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="94"/>
        <source>L&apos;utente dovrà cambiarla al primo accesso.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="157"/>
        <source>&amp;Nuovo utente…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="158"/>
        <source>&amp;Modifica…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="159"/>
        <source>&amp;Reimposta password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="166"/>
        <source>Nome utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="167"/>
        <source>Nome e cognome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="168"/>
        <source>Ruolo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="169"/>
        <source>Stato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="170"/>
        <source>Ultimo accesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="188"/>
        <source>disattivato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="190"/>
        <source>bloccato fino alle {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="194"/>
        <source>attivo (deve cambiare password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="195"/>
        <source>attivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="222"/>
        <source>Reimposta password di {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="229"/>
        <source>Password provvisoria:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="233"/>
        <source>L&apos;utente dovrà cambiarla al prossimo accesso; il blocco per tentativi errati viene tolto.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="64"/>
        <source>Accesso - {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="68"/>
        <source>Programma TIU - Comune di Ancona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="76"/>
        <location filename="../../tit_desktop/ui/login.py" line="203"/>
        <source>&amp;Nome utente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="77"/>
        <location filename="../../tit_desktop/ui/login.py" line="205"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="92"/>
        <source>Accedi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="95"/>
        <source>Impostazioni database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="100"/>
        <source>Versione {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="181"/>
        <source>Primo avvio - {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="186"/>
        <source>&lt;h3&gt;Benvenuti in TIT Desktop&lt;/h3&gt;&lt;p&gt;Il database è nuovo. Create l&apos;utente &lt;b&gt;amministratore&lt;/b&gt;: potrà aggiungere gli altri utenti dalla sezione Amministrazione.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="204"/>
        <source>N&amp;ome e cognome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="206"/>
        <source>&amp;Ripetere la password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="209"/>
        <source>Carica dati dimostrativi (persone e servizi inventati, per provare)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="221"/>
        <source>Crea amministratore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="294"/>
        <source>Cambia password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="308"/>
        <source>Password &amp;attuale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="309"/>
        <source>&amp;Nuova password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="310"/>
        <source>&amp;Ripetere la nuova:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="38"/>
        <source>Impostazioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="41"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="43"/>
        <source>Su &amp;questo PC (un solo posto di lavoro)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="49"/>
        <source>Sfoglia…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="53"/>
        <source>Su un &amp;server PostgreSQL condiviso (più PC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="69"/>
        <source>Server (&amp;host):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="70"/>
        <source>Porta:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="71"/>
        <source>Nome del &amp;database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="72"/>
        <source>&amp;Utente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="73"/>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="76"/>
        <source>&amp;Prova connessione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="87"/>
        <source>Il cambio di database ha effetto al prossimo accesso. Un database nuovo viene preparato automaticamente; uno esistente viene aggiornato dopo un backup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>login</name>
    <message>
        <location filename="../../tit_desktop/ui/login.py" line="46"/>
        <source>le due password non coincidono</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>print_form</name>
    <message>
        <location filename="../../tit_desktop/ui/print_form.py" line="27"/>
        <source>Solo italiano</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/print_form.py" line="28"/>
        <source>Italiano e inglese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/print_form.py" line="29"/>
        <source>Italiano e francese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/print_form.py" line="47"/>
        <source>Stampa scheda di iscrizione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/print_form.py" line="48"/>
        <source>Lingua del modulo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/print_form.py" line="81"/>
        <source>Salva il documento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/print_form.py" line="83"/>
        <source>Documento PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/print_form.py" line="101"/>
        <source>Preparazione del PDF…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
