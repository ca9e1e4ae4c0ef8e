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
        <location filename="../../tit_desktop/ui/import_export.py" line="331"/>
        <source>import_export</source>
        <comment>Esportazione completata</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/import_export.py" line="338"/>
        <source>import_export</source>
        <comment>Esportazione dei beneficiari…</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="530"/>
        <source>Utenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="532"/>
        <source>Registro attività</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="534"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="536"/>
        <source>Questa sezione è riservata ad amministratori e coordinatori.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgreementDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="514"/>
        <source>Codice della persona, per esempio TIU-00012</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="522"/>
        <source>tempo parziale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="523"/>
        <source>tempo pieno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="525"/>
        <source>vuoto: l&apos;importo predefinito per il tempo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="529"/>
        <source>Famiglia *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="530"/>
        <source>Persona (codice) *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="532"/>
        <source>Dal (primo giorno) *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="533"/>
        <source>Al (ultimo giorno)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="534"/>
        <source>Tempo *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="535"/>
        <source>Contributo mensile (EUR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="536"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="541"/>
        <source>stabilito dal coordinatore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="544"/>
        <source>«Dal» e «al» sono entrambi compresi, come nell&apos;accordo firmato. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="552"/>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="555"/>
        <source>Elimina…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="557"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="564"/>
        <source>Nuova accoglienza in famiglia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="583"/>
        <source>nessuna persona con questo codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="589"/>
        <source>Accoglienza di {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="674"/>
        <source>Eliminare l&apos;accoglienza?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="676"/>
        <source>L&apos;accoglienza e i suoi mesi non pagati saranno eliminati. Usare solo per un&apos;accoglienza registrata per errore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="679"/>
        <source>Elimina</source>
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
    <name>BackupWatch</name>
    <message>
        <location filename="../../tit_desktop/ui/backup_watch.py" line="97"/>
        <source>Backup salvato solo in locale: cartella non raggiungibile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/backup_watch.py" line="101"/>
        <source>Nessun backup eseguito.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/backup_watch.py" line="103"/>
        <source>Ultimo backup {0} giorni fa.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/backup_watch.py" line="105"/>
        <source>Eseguitene uno da Amministrazione &gt; Database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/backup_watch.py" line="107"/>
        <source>Avvisate l&apos;amministratore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/backup_watch.py" line="118"/>
        <source>Backup automatico non riuscito.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/backup_watch.py" line="119"/>
        <source>Backup automatico non riuscito: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/backup_watch.py" line="131"/>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="425"/>
        <source>max {0} al giorno</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BudgetTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="170"/>
        <source>Nuova &amp;voce…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="171"/>
        <source>&amp;Modifica voce…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="172"/>
        <source>R&amp;imodula…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="191"/>
        <source>&amp;Apri voce…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="209"/>
        <source>Totale convenzione {0} EUR; somma delle voci {1} EUR; speso {2} EUR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="219"/>
        <source>Le voci non corrispondono al totale: differenza {0} EUR.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CanteenPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="914"/>
        <source>Sportello</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="916"/>
        <source>Elenchi e conteggi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="918"/>
        <source>Tessere</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CardsPanel</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="597"/>
        <source>&amp;Persona (cognome nome o Codice):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="612"/>
        <source>Numero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="613"/>
        <source>Valida dal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="614"/>
        <source>Valida fino al</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="615"/>
        <source>Stato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="617"/>
        <source>Sostituita da</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="624"/>
        <source>Motivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="635"/>
        <source>&amp;Rilascia tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="636"/>
        <source>Rin&amp;nova fino al</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="641"/>
        <source>&amp;Sostituisci (smarrita)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="642"/>
        <source>Re&amp;voca</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="643"/>
        <source>S&amp;tampa tessera…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="644"/>
        <source>Foglio A4 delle tessere di &amp;oggi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="745"/>
        <source>Sostituire la tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="747"/>
        <source>La tessera n. {0} smetterà subito di funzionare e ne sarà rilasciata una nuova con un altro numero.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="750"/>
        <source>Sostituisci</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="761"/>
        <source>Revocare la tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="762"/>
        <source>La tessera n. {0} smetterà subito di funzionare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="763"/>
        <source>Revoca</source>
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
    <name>ContactDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="587"/>
        <source>Contatto dell&apos;unità di strada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="594"/>
        <source>&amp;Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="597"/>
        <source>Elimin&amp;a…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="599"/>
        <source>Chi&amp;udi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="655"/>
        <source>Eliminare il contatto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="656"/>
        <source>Il contatto sarà eliminato, con le persone collegate e le prestazioni.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="657"/>
        <source>&amp;Elimina</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="658"/>
        <source>&amp;Non eliminare</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactForm</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="310"/>
        <source>&amp;Ora:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="316"/>
        <source>&amp;Data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="323"/>
        <source>es. Stazione centrale, Piazza Cavour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="329"/>
        <source>&amp;Luogo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="333"/>
        <source>&amp;Zona:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="336"/>
        <source>Pe&amp;rsone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="348"/>
        <source>Anonimi &amp;M:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="355"/>
        <source>A&amp;nonimi F:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="368"/>
        <source>Prestazioni:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="373"/>
        <source>Op&amp;eratori:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="378"/>
        <source>No&amp;te:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="393"/>
        <source>— nessuna —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsList</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="710"/>
        <source>Luogo contiene…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="714"/>
        <source>Codice persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="716"/>
        <source>Dal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="718"/>
        <source>al</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="786"/>
        <source>Tutte le zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="789"/>
        <source>Tutti gli operatori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="801"/>
        <source>Tutte le prestazioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="845"/>
        <source>{n} contatto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="845"/>
        <source>{n} contatti</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConventionDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="174"/>
        <source>15 lettere e cifre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="185"/>
        <source>Nome breve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="186"/>
        <source>Titolo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="187"/>
        <source>Ente finanziatore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="188"/>
        <source>Fondo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="189"/>
        <source>CUP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="190"/>
        <source>Data firma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="191"/>
        <source>Inizio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="192"/>
        <source>Fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="193"/>
        <source>Importo totale (EUR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="194"/>
        <source>Cofinanziamento (EUR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="195"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="204"/>
        <source>Togli proroga…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="206"/>
        <source>Proroghe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="214"/>
        <source>Modifica partner…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="215"/>
        <source>Togli partner…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="217"/>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="225"/>
        <source>Documenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="320"/>
        <source>, atto del {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="325"/>
        <source>al {0} ({1}{2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="401"/>
        <source>Togliere la proroga?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="403"/>
        <source>La proroga «{0}» sarà tolta dalla convenzione: la fine tornerà quella della proroga precedente (o quella firmata).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="406"/>
        <source>Togli la proroga</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="407"/>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="467"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="462"/>
        <source>Togliere il partner?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="463"/>
        <source>{0} non sarà più partner della convenzione (quota {1}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="466"/>
        <source>Togli il partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="203"/>
        <source>Aggiungi &amp;proroga…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="213"/>
        <source>Aggiungi pa&amp;rtner…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="227"/>
        <source>A&amp;llega documento…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="253"/>
        <source>Nuova convenzione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="254"/>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="333"/>
        <source>nessuna</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="255"/>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="256"/>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="346"/>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="348"/>
        <source>nessuno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="263"/>
        <source>Sola lettura: il ruolo non permette di modificare la convenzione.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="271"/>
        <source>Convenzione {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="479"/>
        <source>Documento della convenzione</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConventionPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1215"/>
        <source>N&amp;uova convenzione…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1216"/>
        <source>&amp;Dati della convenzione…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1234"/>
        <source>&amp;Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1235"/>
        <source>&amp;Spese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1236"/>
        <source>Domande di &amp;rimborso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1237"/>
        <source>Scaden&amp;ze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1239"/>
        <source>Personale e &amp;timesheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1249"/>
        <source>Il ruolo «{0}» non permette di leggere i dati economici della convenzione: l&apos;area è riservata a coordinatori e amministratori (e, in sola lettura, ai revisori).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1297"/>
        <source>Nessuna convenzione: crearne una con «Nuova convenzione».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1303"/>
        <source>CUP {0} · {1} · dal {2} al {3} · importo {4} EUR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1305"/>
        <source>finanziatore non indicato</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CoursesTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="792"/>
        <source>Nuovo corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="793"/>
        <source>Modifica…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="794"/>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="805"/>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="967"/>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1003"/>
        <source>Elimina</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="803"/>
        <source>Nuova lezione…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="804"/>
        <source>Presenze…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="807"/>
        <source>Lezioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="814"/>
        <source>Iscrivi…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="815"/>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1080"/>
        <source>Togli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="816"/>
        <source>Attestato…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="818"/>
        <source>Iscritti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="921"/>
        <source>Corso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="934"/>
        <source>L&apos;attestato di frequenza si stampa quando le ore frequentate raggiungono la soglia delle ore di lezione svolte.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="967"/>
        <source>Eliminare il corso?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="990"/>
        <source>Lezione di «{0}»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1003"/>
        <source>Eliminare la lezione?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1038"/>
        <source>Presenze del {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1043"/>
        <source>Ore di presenza di ciascuno, al massimo {0}; 0 = assente, vuoto = non registrato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1065"/>
        <source>Iscrizione a «{0}»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1078"/>
        <source>Togliere l&apos;iscrizione?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1079"/>
        <source>{0}: l&apos;iscrizione e le sue presenze saranno eliminate.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DatabaseTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="293"/>
        <source>Esegui &amp;backup ora…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="294"/>
        <source>&amp;Ripristina da un backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="311"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="313"/>
        <source>Dimensione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="319"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="320"/>
        <source>Cartella</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="341"/>
        <source>Backup automatici di questo PC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="346"/>
        <source>Un backup automatico al &amp;giorno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="352"/>
        <source>Il database è su un server: i PC non ne fanno una copia al giorno (ogni PC avrebbe una copia di tutti i dati). Fatene il backup con «tit-desktop db backup» pianificato su un solo computer, o con gli strumenti del server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="367"/>
        <source>Sfoglia…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="371"/>
        <source>&amp;Cartella (anche di rete):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="378"/>
        <source>Backup automatici co&amp;nservati:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="380"/>
        <source>&amp;Salva le impostazioni dei backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="396"/>
        <source>Cartella dei backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="427"/>
        <source>&lt;b&gt;Database:&lt;/b&gt; {0}&lt;br&gt;&lt;b&gt;Revisione dello schema:&lt;/b&gt; {1} ({2})&lt;br&gt;&lt;b&gt;Cartella dei backup:&lt;/b&gt; {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="441"/>
        <source>&lt;b&gt;Ultimo backup:&lt;/b&gt; nessun backup eseguito</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="445"/>
        <source>oggi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="447"/>
        <source>{n} giorno fa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="447"/>
        <source>{n} giorni fa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="450"/>
        <source>&lt;b&gt;Ultimo backup:&lt;/b&gt; {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="456"/>
        <source>Salva il backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="458"/>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="485"/>
        <source>Backup (*.sqlite3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="469"/>
        <source>Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="469"/>
        <source>Backup scritto in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="477"/>
        <source>Backup in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="484"/>
        <source>Scegliete il backup da ripristinare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="492"/>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="504"/>
        <source>Ripristino</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="494"/>
        <source>Tutti i dati attuali saranno sostituiti da quelli del backup.
Prima viene salvata una copia dei dati attuali. Continuare?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="497"/>
        <source>Ripristina</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="505"/>
        <source>Ripristino completato. Verrete disconnessi: accedete di nuovo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="516"/>
        <source>Ripristino in corso…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1028"/>
        <source>Nuova scadenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1031"/>
        <source>Relazione intermedia, rendiconto…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1034"/>
        <source>Nessuna (una sola scadenza)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1036"/>
        <source>Trimestrale (ogni 3 mesi fino alla fine della convenzione)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1042"/>
        <source> giorni prima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1044"/>
        <source>Adempimento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1045"/>
        <source>Scadenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1046"/>
        <source>Ricorrenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1047"/>
        <source>Promemoria</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlineDoneDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1089"/>
        <source>Scadenza fatta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1093"/>
        <source>Adempimento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1094"/>
        <source>Scadenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1098"/>
        <source>file inviato, n. di protocollo, PEC…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1099"/>
        <source>Fatta il</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1101"/>
        <source>Documento prodotto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1119"/>
        <source>la data non può essere futura</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeadlinesTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="702"/>
        <source>&amp;Nuova scadenza…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="703"/>
        <source>&amp;Monitoraggi trimestrali</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="705"/>
        <source>Una scadenza per trimestre della convenzione, 30 giorni dopo la fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="707"/>
        <source>Se&amp;gna come fatta…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DefaultAmountsDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="1032"/>
        <source>Contributi mensili predefiniti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="1037"/>
        <source>Il contributo che una nuova accoglienza riceve se non se ne indica un altro. Le accoglienze già registrate mantengono il loro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="1047"/>
        <source>Tempo parziale (EUR al mese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="1048"/>
        <source>Tempo pieno (EUR al mese)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="1057"/>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="1059"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskPanel</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="85"/>
        <source>&amp;Pasto:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="103"/>
        <source>Passare la tessera o scrivere il numero / Codice e Invio (F2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="123"/>
        <source>Pronto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="137"/>
        <source>Annulla ultimo (Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="141"/>
        <source>Rilascia tessera (F4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="149"/>
        <source>Senza tessera: cerca per nome o Codice (F3), Invio registra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="154"/>
        <source>cognome nome o Codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="236"/>
        <source>COMPLETO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="238"/>
        <source>quasi completo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="291"/>
        <source>Primo accesso senza tessera: F4 per rilasciarla</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="336"/>
        <source>Ultimo pasto annullato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="355"/>
        <source>Tessera rilasciata: n. {0}
valida fino al {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="374"/>
        <source>tessera {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="376"/>
        <source>senza tessera</source>
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
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="61"/>
        <source>Modifiche in conflitto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="66"/>
        <source>Mentre modificavate questa scheda un collega l&apos;ha salvata, cambiando anche dati che avete cambiato voi. Per ciascuno scegliete la versione da tenere; poi controllate la scheda e salvate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="75"/>
        <source>Già riportate nella scheda le modifiche del collega a: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="86"/>
        <source>Dato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="87"/>
        <source>La vostra versione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="88"/>
        <source>La versione del collega</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="120"/>
        <source>Tutte le &amp;mie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="121"/>
        <source>Tutte quelle del &amp;collega</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/edit_conflict_dialog.py" line="125"/>
        <source>&amp;Usa queste scelte</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpenditureDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="684"/>
        <source>Fattura, ricevuta, cedolino…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="689"/>
        <source>codice fiscale o partita IVA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="696"/>
        <source>uguale all&apos;importo se vuoto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="698"/>
        <source>(scegliere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="704"/>
        <source>bonifico, assegno…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="712"/>
        <source>nessun documento allegato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="713"/>
        <source>&amp;Allega…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="714"/>
        <source>Salva una &amp;copia…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="724"/>
        <source>Tipo documento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="725"/>
        <source>Numero</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="726"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="727"/>
        <source>Fornitore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="728"/>
        <source>CF/P.IVA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="729"/>
        <source>Descrizione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="730"/>
        <source>Importo (EUR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="731"/>
        <source>IVA (EUR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="732"/>
        <source>Importo ammissibile (EUR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="733"/>
        <source>Voce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="734"/>
        <source>Data pagamento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="735"/>
        <source>Modalità di pagamento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="736"/>
        <source>CIG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="737"/>
        <source>Documento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="746"/>
        <source>Nuova spesa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="747"/>
        <source>Fattura</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="756"/>
        <source>Allega il documento della spesa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="757"/>
        <source>Documenti (*.pdf *.jpg *.jpeg *.png *.tif *.tiff);;Tutti i file (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="764"/>
        <source>file non leggibile ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="767"/>
        <source>il file supera 20 MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="787"/>
        <source>Salva una copia del documento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="807"/>
        <source>Spesa {0} del {1:%d/%m/%Y}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="831"/>
        <source>Attenzione: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="835"/>
        <source>Sola lettura: il ruolo non permette di modificare le spese.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="843"/>
        <source>Spesa derivata da un pagamento ({0}): si modifica solo dal pagamento.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpendituresTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="260"/>
        <source>Cerca fornitore, numero, CF/P.IVA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="264"/>
        <source>Solo segnalate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="266"/>
        <source>Voce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="268"/>
        <source>Dal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="270"/>
        <source>al</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="275"/>
        <source>&amp;Nuova spesa…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="276"/>
        <source>A&amp;pri…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="277"/>
        <source>&amp;Elimina…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="278"/>
        <source>Esp&amp;orta…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="318"/>
        <source>tutte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="365"/>
        <source>{0} spese, importo {1} EUR, ammissibile {2} EUR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="409"/>
        <source>Eliminare la spesa?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="410"/>
        <source>La spesa {0} di {1} ({2} EUR) sarà eliminata dal registro.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="413"/>
        <source>Elimina</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="429"/>
        <source>Esporta il registro delle spese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="443"/>
        <source>Esportate {0} spese in {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="446"/>
        <source>Esportazione del registro…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1155"/>
        <source>Proroga della convenzione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1157"/>
        <source>Fine attuale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1160"/>
        <source>ad esempio: proroga concessa per l&apos;emergenza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1163"/>
        <source>Nuova fine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1164"/>
        <source>Motivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1165"/>
        <source>Data dell&apos;atto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1178"/>
        <source>la nuova fine deve essere dopo la fine attuale ({0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamiliesPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="156"/>
        <source>&amp;Nuova famiglia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="157"/>
        <source>A&amp;pri famiglia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="158"/>
        <source>Pagamenti del &amp;mese…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="160"/>
        <source>Elenco dei contributi di un mese per l&apos;ufficio ragioneria (PDF e XLSX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="162"/>
        <source>Contributi pre&amp;definiti…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="164"/>
        <source>Il contributo mensile che una nuova accoglienza riceve, per tempo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="182"/>
        <source>Cerca per nome, referente, indirizzo o componenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="183"/>
        <source>Anche le famiglie non attive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="198"/>
        <source>Nuova acco&amp;glienza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="199"/>
        <location filename="../../tit_desktop/ui/pages/families.py" line="211"/>
        <source>Modifica accog&amp;lienza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="200"/>
        <source>Registro &amp;contributi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="201"/>
        <source>Stampa acc&amp;ordo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="211"/>
        <source>Apri accog&amp;lienza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="266"/>
        <source>{n} famiglia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="266"/>
        <source>{n} famiglie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="297"/>
        <source>Accoglienze</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FamilyDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="366"/>
        <source>Un componente per riga</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="373"/>
        <source>Per esempio: una stanza singola da marzo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="376"/>
        <source>Famiglia attiva (disponibile per nuove accoglienze)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="379"/>
        <source>Famiglia *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="380"/>
        <source>Referente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="381"/>
        <source>Componenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="382"/>
        <source>Indirizzo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="383"/>
        <source>Telefono</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="384"/>
        <source>IBAN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="385"/>
        <source>Disponibilità</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="386"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="394"/>
        <source>riservato al coordinatore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="397"/>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="399"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="406"/>
        <source>Nuova famiglia ospitante</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="421"/>
        <source>Famiglia ospitante: {0}</source>
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
    <name>HousingPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="224"/>
        <source>Mese precedente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="226"/>
        <source>Mese successivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="236"/>
        <source>Stampa &amp;registro presenze…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="241"/>
        <source>Registro delle presenze del mese per le firme, per l&apos;alloggio selezionato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="244"/>
        <source>Mese:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="254"/>
        <source>&lt;span style=&apos;background:#6baed6&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; occupato &lt;span style=&apos;background:#c6dbef&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; previsto &lt;span style=&apos;background:#d9d9d9&apos;&gt;&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;/span&gt; non in uso &amp;nbsp;— clic su una notte libera per assegnare un posto, su un soggiorno per aprirlo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="288"/>
        <source>Tabellone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="323"/>
        <source>Occupazione di {0} {1} (notti {2}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="368"/>
        <source>Cerca per nome, indirizzo o tipo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="369"/>
        <source>Anche gli alloggi non più in uso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="371"/>
        <source>&amp;Nuovo alloggio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="373"/>
        <source>A&amp;pri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="374"/>
        <source>&amp;Chiudi alloggio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="375"/>
        <source>L&apos;alloggio non sarà più in uso dopo una data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="393"/>
        <source>Alloggi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="424"/>
        <source>Chiudi alloggio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="425"/>
        <source>Ultima notte in uso di «{0}» (gg/mm/aaaa):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="453"/>
        <source>&amp;Mostra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="455"/>
        <source>S&amp;tampa elenco…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="460"/>
        <source>Notte del:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="469"/>
        <source>Stanotte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="483"/>
        <source>{0} persone nei posti letto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/housing.py" line="485"/>
        <source>1 persona nei posti letto</source>
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
    <name>LedgerDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="763"/>
        <source>Registro dei contributi: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="768"/>
        <source>contributo mensile {0} EUR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="783"/>
        <source>Registra &amp;pagamento…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="784"/>
        <source>&amp;Correggi pagamento…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="785"/>
        <source>&amp;Annulla pagamento…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="786"/>
        <source>&amp;Ricevuta…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="787"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="814"/>
        <source>Totale dovuto {0} EUR, pagato {1} EUR; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="815"/>
        <source>{n} mese da pagare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="815"/>
        <source>{n} mesi da pagare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="875"/>
        <source>Annullare il pagamento?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="877"/>
        <source>Il contributo di {0} tornerà da pagare (e la spesa collegata sarà tolta).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="879"/>
        <source>Annulla il pagamento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="880"/>
        <source>Lascia com&apos;è</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LineDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="546"/>
        <source>(scegliere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="551"/>
        <source>Voce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="552"/>
        <source>Azione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="553"/>
        <source>Categoria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="554"/>
        <source>Importo previsto (EUR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="557"/>
        <source>Nuova voce di budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="568"/>
        <source>Voce {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="583"/>
        <source>La voce di budget è stata eliminata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="561"/>
        <source>L&apos;importo previsto si cambia con una rimodulazione</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../tit_desktop/ui/idle_lock.py" line="72"/>
        <source>{0} - bloccato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/idle_lock.py" line="95"/>
        <source>&lt;h2&gt;{0} è bloccato&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/idle_lock.py" line="99"/>
        <source>Nessuna attività da {0} minuti: la sessione di &lt;b&gt;{1}&lt;/b&gt; ({2}) è stata bloccata. Le schede aperte e le modifiche non salvate sono rimaste come erano e ricompaiono dopo lo sblocco.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/idle_lock.py" line="106"/>
        <source>&amp;Password di {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/idle_lock.py" line="120"/>
        <source>Cambia &amp;utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/idle_lock.py" line="123"/>
        <source>&amp;Sblocca</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/idle_lock.py" line="147"/>
        <source>Il database non risponde: riprovate tra poco, o usate «Cambia utente».</source>
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
        <location filename="../../tit_desktop/ui/main_window.py" line="145"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="146"/>
        <source>Cambia &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="148"/>
        <source>&amp;Impostazioni…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="151"/>
        <source>Esci dall&apos;&amp;account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="154"/>
        <source>&amp;Esci</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="161"/>
        <source>&amp;Aiuto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="162"/>
        <source>Apri la cartella dei &amp;log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="166"/>
        <source>&amp;Informazioni su TIT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="174"/>
        <source>Utente: {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="176"/>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="187"/>
        <source>Password cambiata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="192"/>
        <source>Informazioni su TIT Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/main_window.py" line="194"/>
        <source>&lt;h3&gt;TIT Desktop {0}&lt;/h3&gt;&lt;p&gt;Gestione del programma «Tessiture Integrate Urbane» del Comune di Ancona: registri, servizi, percorsi, convenzione, moduli e report.&lt;/p&gt;&lt;p&gt;Database: {1}&lt;br&gt;Log: {2}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MealSettingsDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="803"/>
        <source>Orari e posti della mensa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="808"/>
        <source>Pasto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="809"/>
        <source>Dalle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="810"/>
        <source>Alle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="811"/>
        <source>Posti (0 = senza limite)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="824"/>
        <source>{0}: dalle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="825"/>
        <source>{0}: alle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="826"/>
        <source>{0}: posti</source>
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
    <name>MonthSummaryView</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="870"/>
        <source>M&amp;ese:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="872"/>
        <source>Mo&amp;stra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="873"/>
        <source>S&amp;tampa PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="875"/>
        <source>Esporta fo&amp;glio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="889"/>
        <source>Voce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="889"/>
        <source>Valore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="958"/>
        <source>Esporta il riepilogo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="960"/>
        <source>Cartella di lavoro Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="976"/>
        <source>Riepilogo salvato in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartnerDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1221"/>
        <source>(scegliere)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1232"/>
        <source>capofila, partner, ente attuatore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1235"/>
        <source>Ente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1236"/>
        <source>Quota (EUR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1237"/>
        <source>Parte del totale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1238"/>
        <source>Ruolo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1241"/>
        <source>Nuovo partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1243"/>
        <source>Partner {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1259"/>
        <source>l&apos;importo non può essere negativo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1263"/>
        <source>la quota supera l&apos;importo totale della convenzione ({0} EUR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1272"/>
        <source>— dell&apos;importo totale ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1275"/>
        <source>{0} dell&apos;importo totale ({1})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PathwayDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="154"/>
        <source>Nuovo percorso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="184"/>
        <source>Azioni del percorso: accoglienza, corso di italiano, tirocinio, casa…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="187"/>
        <source>&amp;Persona:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="188"/>
        <source>Data &amp;ingresso:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="189"/>
        <source>&amp;Operatore di riferimento:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="190"/>
        <source>&amp;Azioni:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="191"/>
        <source>&lt;b&gt;Uscita dal percorso&lt;/b&gt; (l&apos;ultimo giorno nel programma)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="200"/>
        <source>Data &amp;uscita:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="201"/>
        <source>&amp;Destinazione:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="202"/>
        <source>&amp;Motivo dell&apos;uscita:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="203"/>
        <source>Percorso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="207"/>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="211"/>
        <source>Elimina percorso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="213"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="224"/>
        <source>Piano individuale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="225"/>
        <source>Verifiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="226"/>
        <source>Autonomia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="255"/>
        <source>in corso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="255"/>
        <source>concluso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="257"/>
        <source>Percorso di {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="261"/>
        <source>Percorso {0}: {1}; presa in carico il {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="342"/>
        <source>Eliminare il percorso?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="344"/>
        <source>Il percorso sarà eliminato con il suo piano individuale, le verifiche e le valutazioni dell&apos;autonomia. Usare solo per un percorso inserito per errore: per un percorso finito indicare invece la data di uscita.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="348"/>
        <source>Elimina</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PathwaysList</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="374"/>
        <source>Cerca per cognome, nome o codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="379"/>
        <source>Tutti i percorsi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="380"/>
        <source>In corso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="381"/>
        <source>Conclusi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="384"/>
        <source>Tutti gli operatori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="392"/>
        <source>Periodo dal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="394"/>
        <source>al</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="401"/>
        <source>&amp;Nuovo percorso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="402"/>
        <source>A&amp;pri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="451"/>
        <source>Periodo: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="476"/>
        <source>{n} percorso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="476"/>
        <source>{n} percorsi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PathwaysPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="514"/>
        <source>Percorsi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="523"/>
        <source>Corsi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="523"/>
        <source>Tirocini</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="702"/>
        <source>Pagamento del contributo di {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="712"/>
        <source>Data pagamento *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="713"/>
        <source>Importo pagato (EUR) *</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="714"/>
        <source>Importo dovuto: {0} EUR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="719"/>
        <source>Registra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="720"/>
        <source>Annulla</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentListDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="916"/>
        <source>Contributi alle famiglie: pagamenti del mese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="920"/>
        <source>Mese (mm/aaaa):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="924"/>
        <source>&amp;Mostra</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="928"/>
        <source>Stampa &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="929"/>
        <source>Salva &amp;XLSX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="947"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="972"/>
        <source>{0}: dovuti {1} EUR, pagati {2} EUR; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="973"/>
        <source>{n} contributo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="973"/>
        <source>{n} contributi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="977"/>
        <source>{0} da pagare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="997"/>
        <source>Salva l&apos;elenco dei pagamenti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="999"/>
        <source>Cartella di lavoro Excel (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="1015"/>
        <source>Elenco salvato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="1015"/>
        <source>Salvato in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/families.py" line="1018"/>
        <source>Scrittura dell&apos;elenco…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PaymentRequestsTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="466"/>
        <source>&amp;Calcola</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="467"/>
        <source>&amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="468"/>
        <source>&amp;XLSX…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="469"/>
        <source>Presenta e b&amp;locca…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="470"/>
        <source>Periodo dal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="472"/>
        <source>al</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="490"/>
        <source>PDF della do&amp;manda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="491"/>
        <source>XLSX della doma&amp;nda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="492"/>
        <source>Sbl&amp;occa domanda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="564"/>
        <source>{0} spese ammissibili; importo richiesto {1} EUR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="591"/>
        <source>Salva la domanda di rimborso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="613"/>
        <source>Scritto {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="615"/>
        <source>Preparazione della domanda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="624"/>
        <source>Presentare la domanda?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="626"/>
        <source>Le {0} spese incluse ({1} EUR) saranno bloccate: solo l&apos;amministratore potrà sbloccarle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="629"/>
        <source>Presenta e blocca</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="650"/>
        <source>Domanda n. {0} presentata, protocollo n. {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="658"/>
        <source>Domanda presentata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="659"/>
        <source>Salvare ora il PDF da inviare?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="660"/>
        <source>Salva il PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="661"/>
        <source>Più tardi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="671"/>
        <source>Sblocca la domanda n. {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="672"/>
        <source>Motivo dello sblocco (resta nel registro delle attività):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="152"/>
        <source>Nuova persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="169"/>
        <source>automatico ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="195"/>
        <source>Anagrafica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="204"/>
        <source>16 caratteri, o 11 cifre se provvisorio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="206"/>
        <source>&amp;Codice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="207"/>
        <source>C&amp;ognome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="208"/>
        <source>&amp;Nome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="209"/>
        <source>&amp;Sesso:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="210"/>
        <source>&amp;Data di nascita:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="211"/>
        <source>&amp;Luogo di nascita:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="216"/>
        <source>non ha risposto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="221"/>
        <source>C&amp;ittadinanza:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="226"/>
        <source>Usa il codice calcolato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="229"/>
        <source>Codice &amp;fiscale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="236"/>
        <source>C&amp;UI:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="238"/>
        <source>Permesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="240"/>
        <source>es. permesso elettronico, ricevuta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="248"/>
        <source>&amp;Tipo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="249"/>
        <source>&amp;Motivo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="250"/>
        <source>N&amp;umero:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="251"/>
        <source>&amp;Questura:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="252"/>
        <source>&amp;Rilascio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="253"/>
        <source>Sca&amp;denza:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="261"/>
        <source>Recapiti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="266"/>
        <source>es. arabo, francese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="267"/>
        <source>&amp;Telefono:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="268"/>
        <source>&amp;E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="269"/>
        <source>&amp;Indirizzo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="270"/>
        <source>&amp;Lingue parlate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="272"/>
        <source>Situazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="280"/>
        <source>Data &amp;presa in carico:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="281"/>
        <source>&amp;Titolo di studio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="282"/>
        <source>&amp;Condizione occupazionale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="283"/>
        <source>Situazione abitativa (&amp;ETHOS):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="284"/>
        <source>&amp;Disabilità:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="285"/>
        <source>Ente i&amp;nviante:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="286"/>
        <source>&amp;Operatore di riferimento:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="289"/>
        <source>Consensi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="292"/>
        <source>sì</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="292"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="293"/>
        <source>non ancora chiesto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="299"/>
        <source>data:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="315"/>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="319"/>
        <source>Stampa scheda…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="322"/>
        <source>Richiesta di accesso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="325"/>
        <source>Tutti i dati della persona in PDF e JSON (art. 15 GDPR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="328"/>
        <source>Anonimizza…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="330"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="380"/>
        <source>Scrivere una nuova nota… (Ctrl+Invio per aggiungerla)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="414"/>
        <source>cognome e nome, o codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="458"/>
        <source>Dal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="458"/>
        <source>Al</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="458"/>
        <source>Dove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="458"/>
        <source>Dettagli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="470"/>
        <source>Doppio clic su un soggiorno per aprirlo. Si assegna un posto dal tabellone dell&apos;area Alloggi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="476"/>
        <source>Alloggio e accoglienza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="492"/>
        <source>in corso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="535"/>
        <source>Cronologia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="803"/>
        <source>nessun dato che avete cambiato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="806"/>
        <source>Scheda modificata da un collega</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="808"/>
        <source>Mentre modificavate questa scheda un collega l&apos;ha salvata. Le sue modifiche ({0}) sono state riportate nel modulo insieme alle vostre. Controllate e premete Salva.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="885"/>
        <source>Strada</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="903"/>
        <source>{n} nota riservata non visibile con il vostro ruolo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="904"/>
        <source>{n} note riservate non visibili con il vostro ruolo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="1018"/>
        <source>Togliere il documento selezionato dalla scheda?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="1019"/>
        <source>Togli il documento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="359"/>
        <source>Note generali (compaiono nell&apos;esportazione):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="365"/>
        <source>Diario (note datate):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="384"/>
        <source>normale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="386"/>
        <source>riservata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="387"/>
        <source>Aggiungi nota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="397"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="405"/>
        <source>Codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="405"/>
        <source>Nome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="405"/>
        <source>Relazione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="430"/>
        <source>Aggiungi al nucleo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="431"/>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="516"/>
        <source>Togli</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="433"/>
        <source>Familiare:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="435"/>
        <source>è</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="448"/>
        <source>Nucleo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="514"/>
        <source>Allega documento…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="515"/>
        <source>Salva una copia…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="528"/>
        <source>Allegati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="554"/>
        <source>{0} - {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="557"/>
        <source>anonimizzata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="623"/>
        <source>stato non trovato: sceglierlo dall&apos;elenco che compare scrivendo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="725"/>
        <source>Codice fiscale provvisorio (11 cifre).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="728"/>
        <source>Codice fiscale coerente con i dati inseriti.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="773"/>
        <source>Salvato, con avvisi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="876"/>
        <source>Diario, nucleo familiare e allegati si compilano dopo il primo salvataggio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="988"/>
        <source>Documento da allegare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="992"/>
        <source>Descrizione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="992"/>
        <source>Descrizione (facoltativa):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="1007"/>
        <source>Salva una copia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/person_dialog.py" line="1017"/>
        <source>Togli allegato</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/pathways.py" line="88"/>
        <source>cognome e nome, o codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="104"/>
        <source>Cognome, nome o codice, poi Invio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="113"/>
        <source>Canc toglie la persona selezionata</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonStreetContacts</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="1078"/>
        <source>Nessun contatto dell&apos;unità di strada.</source>
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
        <location filename="../../tit_desktop/ui/pages/persons.py" line="116"/>
        <source>Con percorso in corso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="118"/>
        <source>Solo le persone con un percorso in corso oggi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="223"/>
        <source>Tutte le cittadinanze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="230"/>
        <source>Tutte le situazioni (ETHOS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="237"/>
        <source>Tutti gli operatori</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="279"/>
        <source>{n} persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="279"/>
        <source>{n} persone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="324"/>
        <source>Scheda {0} salvata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="328"/>
        <source>Ricerca e filtri tolti per mostrarla nell&apos;elenco.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="359"/>
        <source>File da importare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/persons.py" line="360"/>
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
    <name>QuickEntry</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="501"/>
        <source>Inserimento rapido (Invio salva e prepara il contatto seguente)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="510"/>
        <source>Sv&amp;uota</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="511"/>
        <source>&amp;Salva contatto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="571"/>
        <source>Contatto registrato ({0}, {1}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="220"/>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="222"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReopenMonthDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1324"/>
        <source>Riaprire il mese?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1329"/>
        <source>Il timesheet di {0} per {1} è chiuso. Riaprendolo, la spesa del costo del personale registrata alla chiusura sarà eliminata e le ore torneranno modificabili; il costo si registra di nuovo richiudendo il mese.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1339"/>
        <source>ad esempio: ore del 12 registrate due volte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1340"/>
        <source>Motivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1344"/>
        <source>Riapri il mese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="1347"/>
        <source>Annulla</source>
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
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="180"/>
        <source>{n} persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="111"/>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="180"/>
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
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="151"/>
        <source>Elenco (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="146"/>
        <source>impossibile scrivere il file ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="151"/>
        <source>Apri un elenco verificato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="160"/>
        <source>il file non si può leggere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="175"/>
        <source>Anonimizzare l&apos;elenco?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="177"/>
        <source>{0} dell&apos;elenco saranno anonimizzate per sempre: nomi, codici, recapiti, note e allegati non si potranno più recuperare. Chi ha avuto attività dopo la verifica sarà saltato.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="181"/>
        <source>Anonimizza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="182"/>
        <source>Non anonimizzare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/retention_dialog.py" line="194"/>
        <source>Anonimizzate: {0}. Saltate: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RostersPanel</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="455"/>
        <source>Giorno:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="465"/>
        <source>Foglio firme…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="466"/>
        <source>Registro del mese…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="467"/>
        <source>Esporta l&apos;elenco…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="468"/>
        <source>Orari e posti…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="478"/>
        <source>Ora</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="479"/>
        <source>Codice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="480"/>
        <source>Persona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="481"/>
        <source>Tessera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="481"/>
        <source>senza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="482"/>
        <source>Inserito dopo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="482"/>
        <source>sì</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="526"/>
        <source>{0} del {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="533"/>
        <source>Mese {0}: {1} (colazioni {2}, pranzi {3}, cene {4})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="535"/>
        <source>{n} pasto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="535"/>
        <source>{n} pasti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="573"/>
        <source>Esporta l&apos;elenco</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/canteen.py" line="575"/>
        <source>File CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="137"/>
        <source>La password è conservata nel portachiavi di sistema, non nel file delle impostazioni.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="144"/>
        <source>Su questo PC non c&apos;è un portachiavi di sistema: la password è conservata nel file {0}, leggibile solo dal vostro utente (mai nel file delle impostazioni).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="197"/>
        <source>File del database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="199"/>
        <source>Database SQLite (*.sqlite3 *.db)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="220"/>
        <source>Connessione in corso…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="237"/>
        <source>Connessione riuscita. Stato del database: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="253"/>
        <source>Indicare il file del database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="257"/>
        <source>Provate la connessione prima di salvare: deve riuscire.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="275"/>
        <source>Impostazioni non salvate: {0} ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffCostDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="933"/>
        <source>Costo annuo di {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="944"/>
        <source> ore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="948"/>
        <source>Anno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="950"/>
        <source>Costo lordo annuo (EUR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="952"/>
        <source>Ore annue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="953"/>
        <source>Costo orario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="956"/>
        <source>Costo orario = costo lordo annuo / ore annue, arrotondato al centesimo: moltiplicato per le ore del timesheet dà il costo del mese.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="971"/>
        <source>Sola lettura: il ruolo non permette di modificare i costi del personale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="986"/>
        <source>l&apos;importo non può essere negativo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="996"/>
        <source>{0} EUR l&apos;ora</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="829"/>
        <source>Costo a&amp;nnuo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="832"/>
        <source>Stam&amp;pa timesheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="833"/>
        <source>&amp;Chiudi il mese…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="808"/>
        <source>Mese precedente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="814"/>
        <source>Mese successivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="815"/>
        <source>&amp;Operatore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="817"/>
        <source>M&amp;ese</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="830"/>
        <source>Sal&amp;va le ore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="831"/>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1102"/>
        <source>Annulla le modifiche</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="834"/>
        <source>R&amp;iapri il mese…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="861"/>
        <source>Ore come 7:30, 7,5 o 7; Canc svuota la cella. In grigio sabati, domeniche e festivi; in giallo le celle da salvare, in rosso quelle da correggere.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="988"/>
        <source>Nessun operatore: aggiungerne uno tra le anagrafiche.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="990"/>
        <source>Scegliere l&apos;operatore e il mese.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1004"/>
        <source>Mese chiuso: il costo è registrato tra le spese e le ore non si possono cambiare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1007"/>
        <source> Per correggerle, «Riapri il mese…».</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1012"/>
        <source>Sola lettura: il ruolo non permette di modificare le ore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1025"/>
        <source>Totale {0} ore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1027"/>
        <source>; costo annuo {0} non indicato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1029"/>
        <source>; costo orario {0} EUR; costo del mese {1} EUR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1033"/>
        <source> — mese chiuso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1035"/>
        <source> (con le modifiche non ancora salvate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1040"/>
        <source>Da correggere: {0}, {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1044"/>
        <source> (e altre {0} celle)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1088"/>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1091"/>
        <source>Ore non salvate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1100"/>
        <source>Annullare le modifiche?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1101"/>
        <source>Le ore scritte e non salvate andranno perse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1103"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1177"/>
        <source>Il costo del mese {0} sarà registrato come spesa e le ore non si potranno più cambiare (se non riaprendo il mese).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1175"/>
        <source>Chiudere il mese?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="1180"/>
        <source>Chiudi il mese</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StayDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="239"/>
        <source>Assegna un posto letto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="261"/>
        <source>cognome e nome, codice o codice fiscale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="284"/>
        <source>vuoto = ancora presente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="288"/>
        <source>(nessuna: ancora presente)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="294"/>
        <source>&amp;Persona:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="295"/>
        <source>&amp;Alloggio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="296"/>
        <source>Pos&amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="297"/>
        <source>&amp;Dal (prima notte):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="298"/>
        <source>A&amp;l (giorno di partenza):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="299"/>
        <source>Destina&amp;zione all&apos;uscita:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="300"/>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="304"/>
        <source>Le notti vanno dal giorno «Dal» al giorno prima di «Al»: il giorno di partenza non è una notte. Senza «Al» il soggiorno è in corso.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="311"/>
        <source>Cambio di posto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="322"/>
        <source>&amp;Sposta</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="326"/>
        <source>dal giorno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="328"/>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="330"/>
        <source>posto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="339"/>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="343"/>
        <source>&amp;Riapri soggiorno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="345"/>
        <source>L&apos;uscita era stata registrata per errore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="348"/>
        <source>&amp;Elimina…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="352"/>
        <source>Stampa &amp;accordo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="355"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="387"/>
        <source>Soggiorno - {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="461"/>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="470"/>
        <source>scegliere la persona dall&apos;elenco dei risultati</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="472"/>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="475"/>
        <source>campo obbligatorio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="526"/>
        <source>per riaprire il soggiorno usare «Riapri soggiorno»</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="530"/>
        <source>scegliere la destinazione all&apos;uscita</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="562"/>
        <source>indicare il giorno e il nuovo posto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="584"/>
        <source>Riapri soggiorno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="585"/>
        <source>Togliere l&apos;uscita del {0}? La persona risulterà ancora nell&apos;alloggio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="588"/>
        <source>Riapri</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="600"/>
        <source>Elimina soggiorno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="602"/>
        <source>Eliminare il soggiorno di {0} ({1})? Serve solo per un soggiorno registrato per errore: per un&apos;uscita usare «Al» e la destinazione.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="605"/>
        <source>Elimina</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StreetPage</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="991"/>
        <source>Apri contatto</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="992"/>
        <source>Nuova zona…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="1005"/>
        <source>Contatti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="1007"/>
        <source>Riepilogo mensile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="1026"/>
        <source>Nuova zona</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/street.py" line="1026"/>
        <source>Nome della zona:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1477"/>
        <source>Tutti gli eventi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1480"/>
        <source>Mostra:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1483"/>
        <source>Stampa la cronologia…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1509"/>
        <source>La cronologia si vede dopo il primo salvataggio.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1519"/>
        <source>Autonomia: nessuna valutazione registrata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1523"/>
        <source>Autonomia ({0}, {1}): {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1533"/>
        <source>Autonomia dal {0} ({1}) al {2} ({3}): {4}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimesheetGridModel</name>
    <message>
        <location filename="../../tit_desktop/ui/timesheet_grid.py" line="155"/>
        <location filename="../../tit_desktop/ui/timesheet_grid.py" line="238"/>
        <source>più di 24 ore in un giorno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/timesheet_grid.py" line="254"/>
        <source>sabato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/timesheet_grid.py" line="254"/>
        <source>domenica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/timesheet_grid.py" line="256"/>
        <source>fuori dal periodo della convenzione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/timesheet_grid.py" line="266"/>
        <source>Totale giorno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/timesheet_grid.py" line="277"/>
        <source>Totale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TirociniTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1153"/>
        <source>Nuovo tirocinio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1154"/>
        <source>Modifica…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1155"/>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1361"/>
        <source>Elimina</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1157"/>
        <source>Stampa il progetto…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1175"/>
        <source>Ore del mese…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1176"/>
        <source>Registra pagamento…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1177"/>
        <source>Togli pagamento</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1317"/>
        <source>Tirocinio di inclusione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1322"/>
        <source>Regola dell&apos;indennità: l&apos;indennità mensile spetta per le ore mensili previste; per meno ore è proporzionale alle ore svolte (mai oltre quella piena); nei mesi sotto la frequenza minima non spetta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1359"/>
        <source>Eliminare il tirocinio?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1386"/>
        <source>Ore di {0:%m/%Y}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1410"/>
        <source>Pagamento di {0:%m/%Y}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1420"/>
        <source>Il pagamento diventa una spesa della convenzione (indennità tirocini).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1430"/>
        <source>Togliere il pagamento?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1431"/>
        <source>Anche la spesa collegata della convenzione sarà tolta.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="1432"/>
        <source>Togli</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="76"/>
        <source>Nuovo alloggio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="99"/>
        <source>es. 1-6, oppure 1, 2, A, B</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="103"/>
        <source>&amp;Nome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="104"/>
        <source>&amp;Tipo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="105"/>
        <source>&amp;Indirizzo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="106"/>
        <source>In uso &amp;dal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="107"/>
        <source>In uso &amp;fino al (ultima notte):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="108"/>
        <source>&amp;Posti letto:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="109"/>
        <source>N&amp;ote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="113"/>
        <source>I posti tolti dall&apos;elenco restano nello storico dei soggiorni; un posto assegnato non può essere tolto.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="121"/>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="123"/>
        <source>Chiudi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="133"/>
        <source>Alloggio - {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/housing_dialogs.py" line="147"/>
        <source>campo obbligatorio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="73"/>
        <source>Nuovo utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="73"/>
        <source>Modifica utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="88"/>
        <source>&amp;Nome utente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="89"/>
        <source>N&amp;ome e cognome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="90"/>
        <source>&amp;Ruolo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="94"/>
        <source>Utente attivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="97"/>
        <source>Password &amp;provvisoria:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="98"/>
        <source>L&apos;utente dovrà cambiarla al primo accesso.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="164"/>
        <source>L&apos;utente è stato eliminato.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="177"/>
        <source>&amp;Nuovo utente…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="178"/>
        <source>&amp;Modifica…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="179"/>
        <source>&amp;Reimposta password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="186"/>
        <source>Nome utente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="187"/>
        <source>Nome e cognome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="188"/>
        <source>Ruolo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="189"/>
        <source>Stato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="190"/>
        <source>Ultimo accesso</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="208"/>
        <source>disattivato</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="210"/>
        <source>bloccato fino alle {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="214"/>
        <source>attivo (deve cambiare password)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="215"/>
        <source>attivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="242"/>
        <source>Reimposta password di {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="249"/>
        <source>Password provvisoria:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/admin.py" line="253"/>
        <source>L&apos;utente dovrà cambiarla al prossimo accesso; il blocco per tentativi errati viene tolto.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VariationDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="616"/>
        <source>Rimodulazione della voce {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="618"/>
        <source>Importo attuale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="624"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="626"/>
        <source>Nuovo importo (EUR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="628"/>
        <source>Motivo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="646"/>
        <source>La voce di budget è stata eliminata.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_GuardedDialog</name>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="104"/>
        <source>Salva</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/convention_dialogs.py" line="106"/>
        <source>Chiudi</source>
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
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="39"/>
        <source>Impostazioni</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="42"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="44"/>
        <source>Su &amp;questo PC (un solo posto di lavoro)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="50"/>
        <source>Sfoglia…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="54"/>
        <source>Su un &amp;server PostgreSQL condiviso (più PC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="70"/>
        <source>Server (&amp;host):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="71"/>
        <source>Porta:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="72"/>
        <source>Nome del &amp;database:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="73"/>
        <source>&amp;Utente:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="74"/>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="82"/>
        <source>&amp;Prova connessione</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="91"/>
        <source>Sicurezza</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="96"/>
        <source> minuti</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="98"/>
        <source>&amp;Blocca la finestra dopo:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="101"/>
        <source>senza uso di tastiera o mouse; per sbloccarla serve la password. Ha effetto dal prossimo accesso.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/settings_dialog.py" line="111"/>
        <source>Il cambio di database ha effetto al prossimo accesso. Un database nuovo viene preparato automaticamente; uno esistente viene aggiornato dopo un backup.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>form_guard</name>
    <message>
        <location filename="../../tit_desktop/ui/form_guard.py" line="156"/>
        <source>sì</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/form_guard.py" line="157"/>
        <source>no</source>
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
    <name>parent</name>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="394"/>
        <source>Nuovo obiettivo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="395"/>
        <source>Nuova azione…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="396"/>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="406"/>
        <source>Modifica…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="397"/>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="407"/>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="418"/>
        <source>Elimina</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="398"/>
        <source>Stampa il piano…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="405"/>
        <source>Nuova verifica…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="417"/>
        <source>Nuova valutazione…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pages/convention.py" line="453"/>
        <source>Fatto</source>
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
<context>
    <name>self.parent</name>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="465"/>
        <source>Cambiamento dalla valutazione di {0} a quella di {1}: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="473"/>
        <source>Autovalutazione da 1 (nessuna autonomia) a 5 (piena autonomia) in ogni ambito, all&apos;ingresso, alle verifiche e all&apos;uscita.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="498"/>
        <source>Obiettivo del piano</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="566"/>
        <source>Azione: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="608"/>
        <source>Eliminare l&apos;azione?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="610"/>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="621"/>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="682"/>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="734"/>
        <source>Elimina</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="619"/>
        <source>Eliminare l&apos;obiettivo?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="661"/>
        <source>Verifica del piano</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="680"/>
        <source>Eliminare la verifica?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="716"/>
        <source>Valutazione dell&apos;autonomia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="725"/>
        <source>Da 1 (nessuna autonomia) a 5 (piena autonomia).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../tit_desktop/ui/pathway_tabs.py" line="732"/>
        <source>Eliminare la valutazione?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
