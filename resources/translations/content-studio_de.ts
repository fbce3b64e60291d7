<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccountsWindow</name>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="104"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="126"/>
        <source>Add account</source>
        <translation>Konto hinzufügen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="132"/>
        <source>Check</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="134"/>
        <source>Reconnect…</source>
        <translation>Neu verbinden…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="137"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="139"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="142"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="175"/>
        <source>No accounts yet. Use “Add account” to connect Bluesky, Mastodon, Telegram or Discord.</source>
        <translation>Noch keine Konten. Mit „Konto hinzufügen“ verbinden Sie Bluesky, Mastodon, Telegram oder Discord.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="180"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="180"/>
        <source>Needs re-authorisation</source>
        <translation>Muss neu autorisiert werden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="181"/>
        <source>Unreachable</source>
        <translation>Nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="192"/>
        <source>sign-ins</source>
        <translation>Anmeldungen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="192"/>
        <source>posts</source>
        <translation>Beiträgen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="192"/>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="193"/>
        <source>messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="194"/>
        <source>%1 of %2 %3 per %4</source>
        <translation>%1 von %2 %3 pro %4</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="197"/>
        <source>Rate limits: %s</source>
        <translation>Ratenlimits: %s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="201"/>
        <source>Its queued posts wait until %s: the network asked to slow down.</source>
        <translation>Die eingereihten Beiträge warten bis %s: Das Netzwerk hat um eine Pause gebeten.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="206"/>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="206"/>
        <source>%s days</source>
        <translation>%s Tage</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="206"/>
        <source>hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="206"/>
        <source>%s hours</source>
        <translation>%s Stunden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="207"/>
        <source>minute</source>
        <translation>Minute</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="207"/>
        <source>%s minutes</source>
        <translation>%s Minuten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="212"/>
        <source>%s seconds</source>
        <translation>%s Sekunden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="245"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="262"/>
        <source>Waiting for you to allow Content Studio in the browser…</source>
        <translation>Warten, bis Sie Content Studio im Browser erlauben…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="263"/>
        <source>Connecting to %s…</source>
        <translation>Verbindung mit %s wird hergestellt…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="268"/>
        <source>Connected %s.</source>
        <translation>%s verbunden.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="273"/>
        <source>Checking the accounts…</source>
        <translation>Die Konten werden geprüft…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="274"/>
        <source>Checked.</source>
        <translation>Geprüft.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="279"/>
        <source>Checking…</source>
        <translation>Wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="300"/>
        <source>Removed %s and deleted its sign-in from the keyring.</source>
        <translation>%s entfernt und die Anmeldung aus dem Schlüsselbund gelöscht.</translation>
    </message>
</context>
<context>
    <name>AddToQueueDialog</name>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="60"/>
        <source>Add to queue</source>
        <translation>In die Warteschlange</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="67"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="79"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="90"/>
        <source>Accounts…</source>
        <translation>Konten…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="94"/>
        <source>Queue</source>
        <translation>Einreihen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="98"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="101"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="146"/>
        <source>Needs re-authorisation: reconnect it in Accounts… before the post is due.</source>
        <translation>Muss neu autorisiert werden: Verbinden Sie es unter Konten… neu, bevor der Beitrag fällig ist.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="150"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="152"/>
        <source>Next free slot: %s</source>
        <translation>Nächstes freies Zeitfenster: %s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="153"/>
        <source>No time slots yet</source>
        <translation>Noch keine Zeitfenster</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="154"/>
        <source>Set an account&apos;s weekly time slots in the queue window (Time slots…).</source>
        <translation>Die wöchentlichen Zeitfenster eines Kontos stellen Sie im Warteschlangenfenster ein (Zeitfenster…).</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="166"/>
        <source>%s has no free time slot. Set its slots (queue window → Time slots…), or choose a time.</source>
        <translation>%s hat kein freies Zeitfenster. Legen Sie Zeitfenster an (Warteschlange → Zeitfenster…) oder wählen Sie eine Zeit.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="176"/>
        <source>No accounts are connected yet. Connect one in Accounts…, then queue the post.</source>
        <translation>Noch ist kein Konto verbunden. Verbinden Sie eines unter Konten… und reihen Sie den Beitrag dann ein.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="181"/>
        <source>Queue “%s” to %s account(s). What is sent is frozen now: later edits change nothing unless you queue the post again.</source>
        <translation>„%s“ für %s Konto/Konten einreihen. Was gesendet wird, wird jetzt eingefroren: Spätere Änderungen wirken sich nur aus, wenn Sie den Beitrag neu einreihen.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="206"/>
        <source>Rendering for %s…</source>
        <translation>Wird für %s gerendert…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="211"/>
        <source>Saving to the queue…</source>
        <translation>Wird in der Warteschlange gespeichert…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="219"/>
        <source>Rendering and freezing the post…</source>
        <translation>Der Beitrag wird gerendert und eingefroren…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="241"/>
        <source>Cancelled. Nothing was queued.</source>
        <translation>Abgebrochen. Nichts wurde eingereiht.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="247"/>
        <source>Nothing was queued.</source>
        <translation>Nichts wurde eingereiht.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="255"/>
        <source>Queued %s posts, the first %s.</source>
        <translation>%s Beiträge eingereiht, der erste %s.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="257"/>
        <source>Queued to go out now. The queue window shows how it goes.</source>
        <translation>Eingereiht, geht jetzt hinaus. Das Warteschlangenfenster zeigt, wie es läuft.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_add_dialog.py" line="259"/>
        <source>Queued for %s.</source>
        <translation>Eingereiht für %s.</translation>
    </message>
</context>
<context>
    <name>BrandKitDialog</name>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="101"/>
        <source>Brand kit</source>
        <translation>Markenkit</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="105"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="112"/>
        <source>Add a colour</source>
        <translation>Farbe hinzufügen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="115"/>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="123"/>
        <source>Heading font</source>
        <translation>Schrift für Überschriften</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="124"/>
        <source>Body font</source>
        <translation>Schrift für Fließtext</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="128"/>
        <source>Choose logo…</source>
        <translation>Logo auswählen…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="130"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="136"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="158"/>
        <source>Choose logo</source>
        <translation>Logo auswählen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="159"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="174"/>
        <source>none</source>
        <translation>kein Logo</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <location filename="../../studio/ui/queue_calendar.py" line="268"/>
        <source>It is being sent right now; it cannot be moved.</source>
        <translation>Er wird gerade gesendet und kann nicht verschoben werden.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_calendar.py" line="271"/>
        <source>Nothing of this post is waiting to be sent, so there is nothing to move.</source>
        <translation>Von diesem Beitrag wartet nichts mehr auf das Senden, es gibt also nichts zu verschieben.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_calendar.py" line="282"/>
        <source>That time has passed. Drop it on a later time, or use Publish now.</source>
        <translation>Diese Zeit ist vorbei. Legen Sie ihn auf eine spätere Zeit oder nehmen Sie „Jetzt veröffentlichen“.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_calendar.py" line="385"/>
        <source>+%s more</source>
        <translation>+%s weitere</translation>
    </message>
</context>
<context>
    <name>CanvasView</name>
    <message>
        <location filename="../../studio/ui/editor/canvas.py" line="244"/>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/canvas.py" line="271"/>
        <source>Move</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/canvas.py" line="283"/>
        <source>Resize</source>
        <translation>Größe ändern</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/canvas.py" line="348"/>
        <source>Nudge</source>
        <translation>Verschieben</translation>
    </message>
</context>
<context>
    <name>ColorButton</name>
    <message>
        <location filename="../../studio/ui/editor/fields.py" line="57"/>
        <source>Choose a colour</source>
        <translation>Farbe auswählen</translation>
    </message>
</context>
<context>
    <name>Command</name>
    <message>
        <location filename="../../studio/edit/commands.py" line="17"/>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../studio/edit/commands.py" line="17"/>
        <source>Change layer</source>
        <translation>Ebene ändern</translation>
    </message>
    <message>
        <location filename="../../studio/edit/commands.py" line="17"/>
        <source>Change design</source>
        <translation>Design ändern</translation>
    </message>
    <message>
        <location filename="../../studio/edit/commands.py" line="17"/>
        <source>Change format</source>
        <translation>Format ändern</translation>
    </message>
    <message>
        <location filename="../../studio/edit/commands.py" line="17"/>
        <source>Add layer</source>
        <translation>Ebene hinzufügen</translation>
    </message>
    <message>
        <location filename="../../studio/edit/commands.py" line="17"/>
        <source>Delete layer</source>
        <translation>Ebene löschen</translation>
    </message>
    <message>
        <location filename="../../studio/edit/commands.py" line="18"/>
        <source>Delete layers</source>
        <translation>Ebenen löschen</translation>
    </message>
    <message>
        <location filename="../../studio/edit/commands.py" line="18"/>
        <source>Arrange</source>
        <translation>Anordnen</translation>
    </message>
    <message>
        <location filename="../../studio/edit/commands.py" line="18"/>
        <source>Edit caption</source>
        <translation>Beitragstext bearbeiten</translation>
    </message>
    <message>
        <location filename="../../studio/edit/commands.py" line="18"/>
        <source>Add media</source>
        <translation>Medium hinzufügen</translation>
    </message>
    <message>
        <location filename="../../studio/edit/commands.py" line="18"/>
        <source>Remove media</source>
        <translation>Medium entfernen</translation>
    </message>
    <message>
        <location filename="../../studio/edit/commands.py" line="18"/>
        <source>Reorder media</source>
        <translation>Medien umordnen</translation>
    </message>
    <message>
        <location filename="../../studio/edit/commands.py" line="19"/>
        <source>Edit alt text</source>
        <translation>Alternativtext bearbeiten</translation>
    </message>
    <message>
        <location filename="../../studio/edit/commands.py" line="19"/>
        <source>Set focal point</source>
        <translation>Fokuspunkt setzen</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="51"/>
        <source>Connect a %s account</source>
        <translation>%s-Konto verbinden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="66"/>
        <source>Use an app password, not your main password. Content Studio keeps it only in your system&apos;s keyring.</source>
        <translation>Verwenden Sie ein App-Passwort, nicht Ihr Hauptpasswort. Content Studio speichert es nur im Schlüsselbund Ihres Systems.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="68"/>
        <source>Your browser opens so you can allow Content Studio to post. Come back here afterwards.</source>
        <translation>Ihr Browser öffnet sich, damit Sie Content Studio das Posten erlauben können. Kommen Sie danach hierher zurück.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="70"/>
        <source>Make the bot an administrator of the channel with the right to post messages.</source>
        <translation>Machen Sie den Bot zum Administrator des Kanals mit dem Recht, Nachrichten zu veröffentlichen.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="72"/>
        <source>In Discord: channel settings → Integrations → Webhooks → Copy webhook URL. The URL is kept only in your system&apos;s keyring.</source>
        <translation>In Discord: Kanaleinstellungen → Integrationen → Webhooks → Webhook-URL kopieren. Die URL wird nur im Schlüsselbund Ihres Systems gespeichert.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="78"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="84"/>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="84"/>
        <source>Handle</source>
        <translation>Handle</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="84"/>
        <source>App password</source>
        <translation>App-Passwort</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="85"/>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="85"/>
        <source>Bot token</source>
        <translation>Bot-Token</translation>
    </message>
    <message>
        <location filename="../../studio/ui/accounts_window.py" line="86"/>
        <source>Webhook URL</source>
        <translation>Webhook-URL</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="39"/>
        <location filename="../../studio/ui/dialogs.py" line="85"/>
        <source>Export image</source>
        <translation>Bild exportieren</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="49"/>
        <source>Fit under</source>
        <translation>Begrenzen auf</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="57"/>
        <source>Choose…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="69"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="70"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="71"/>
        <source>File size</source>
        <translation>Dateigröße</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="72"/>
        <source>Save as</source>
        <translation>Speichern unter</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="74"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="86"/>
        <source>Images (*.jpg *.jpeg *.png *.webp)</source>
        <translation>Bilder (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
</context>
<context>
    <name>FocusDialog</name>
    <message>
        <location filename="../../studio/ui/focus_dialog.py" line="67"/>
        <source>Focal point</source>
        <translation>Fokuspunkt</translation>
    </message>
    <message>
        <location filename="../../studio/ui/focus_dialog.py" line="69"/>
        <source>Click what must stay in view. The bright frame is what a 16:9 thumbnail shows.</source>
        <translation>Klicken Sie auf das, was sichtbar bleiben muss. Der helle Rahmen zeigt, was ein 16:9-Vorschaubild zeigt.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/focus_dialog.py" line="83"/>
        <source>Centre</source>
        <translation>Mitte</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="44"/>
        <location filename="../../studio/ui/import_dialog.py" line="94"/>
        <source>Import posts</source>
        <translation>Beiträge importieren</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="47"/>
        <source>Choose a CSV file with one post per row (columns: docs/csv-import.md).</source>
        <translation>Wählen Sie eine CSV-Datei mit einem Beitrag je Zeile (Spalten: docs/csv-import.md).</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="51"/>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="51"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="51"/>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="51"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="51"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="72"/>
        <source>Choose file…</source>
        <translation>Datei wählen…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="74"/>
        <source>Queue</source>
        <translation>Einreihen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="79"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="82"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="95"/>
        <source>Spreadsheets (*.csv *.tsv *.txt)</source>
        <translation>Tabellen (*.csv *.tsv *.txt)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="102"/>
        <source>Checking %s…</source>
        <translation>%s wird geprüft…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="110"/>
        <source>%s has no rows.</source>
        <translation>%s hat keine Zeilen.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="112"/>
        <source>%1 of %2 rows can be queued. Rows with errors are left out; fix them in the file and import it again.</source>
        <translation>%1 von %2 Zeilen lassen sich einreihen. Zeilen mit Fehlern bleiben draußen; behebe sie in der Datei und importiere sie erneut.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="115"/>
        <source>Queue %s posts</source>
        <translation>%s Beiträge einreihen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="115"/>
        <source>Queue 1 post</source>
        <translation>1 Beitrag einreihen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="123"/>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="146"/>
        <source>Queueing…</source>
        <translation>Wird eingereiht…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="158"/>
        <source>Queued %s posts.</source>
        <translation>%s Beiträge eingereiht.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="158"/>
        <source>Queued 1 post.</source>
        <translation>1 Beitrag eingereiht.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="160"/>
        <source>%s could not be queued: see their problems.</source>
        <translation>%s ließen sich nicht einreihen: siehe ihre Probleme.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/import_dialog.py" line="182"/>
        <source>Cancelled. What was queued stays queued.</source>
        <translation>Abgebrochen. Was eingereiht ist, bleibt eingereiht.</translation>
    </message>
</context>
<context>
    <name>InlineTextEditor</name>
    <message>
        <location filename="../../studio/ui/editor/text_editor.py" line="88"/>
        <source>Type</source>
        <translation>Texteingabe</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../studio/core/design.py" line="124"/>
        <source>Square 1:1 (1080×1080)</source>
        <translation>Quadrat 1:1 (1080×1080)</translation>
    </message>
    <message>
        <location filename="../../studio/core/design.py" line="125"/>
        <source>Portrait 4:5 (1080×1350)</source>
        <translation>Hochformat 4:5 (1080×1350)</translation>
    </message>
    <message>
        <location filename="../../studio/core/design.py" line="126"/>
        <source>Story / Reel 9:16 (1080×1920)</source>
        <translation>Story / Reel 9:16 (1080×1920)</translation>
    </message>
    <message>
        <location filename="../../studio/core/design.py" line="127"/>
        <source>Link card 1.91:1 (1200×628)</source>
        <translation>Linkvorschau 1,91:1 (1200×628)</translation>
    </message>
    <message>
        <location filename="../../studio/core/design.py" line="128"/>
        <source>Landscape 16:9 (1600×900)</source>
        <translation>Querformat 16:9 (1600×900)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="32"/>
        <source>Thin</source>
        <translation>Dünn</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="32"/>
        <source>Light</source>
        <translation>Leicht</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="32"/>
        <source>Regular</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="32"/>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="32"/>
        <source>SemiBold</source>
        <translation>Halbfett</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="32"/>
        <source>Bold</source>
        <translation>Fett</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="33"/>
        <source>ExtraBold</source>
        <translation>Extrafett</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="33"/>
        <source>Black</source>
        <translation>Schwarz</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="80"/>
        <source>Design</source>
        <translation>Design</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="85"/>
        <source>Custom…</source>
        <translation>Eigenes Format…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="87"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="92"/>
        <source>Apply</source>
        <translation>Anwenden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="94"/>
        <location filename="../../studio/ui/editor/inspector.py" line="117"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="96"/>
        <location filename="../../studio/ui/editor/inspector.py" line="197"/>
        <source>Background</source>
        <translation>Hintergrund</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="97"/>
        <source>Show safe zones (story / reel)</source>
        <translation>Sicherheitsbereiche (Story / Reel)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="102"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="104"/>
        <source>X</source>
        <translation>X</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="105"/>
        <source>Y</source>
        <translation>Y</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="106"/>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="107"/>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="108"/>
        <source>Rotation</source>
        <translation>Drehung</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="109"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="112"/>
        <location filename="../../studio/ui/editor/inspector.py" line="114"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="116"/>
        <source>Font</source>
        <translation>Schrift</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="118"/>
        <source>Weight</source>
        <translation>Stärke</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="119"/>
        <source>Italic</source>
        <translation>Kursiv</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="120"/>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="121"/>
        <source>Align</source>
        <translation>Ausrichtung</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="122"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="122"/>
        <source>Centre</source>
        <translation>Zentriert</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="122"/>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="123"/>
        <source>Justify</source>
        <translation>Blocksatz</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="124"/>
        <source>Vertical</source>
        <translation>Vertikal</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="125"/>
        <source>Top</source>
        <translation>Oben</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="125"/>
        <source>Middle</source>
        <translation>Mitte</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="125"/>
        <source>Bottom</source>
        <translation>Unten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="126"/>
        <source>Line height</source>
        <translation>Zeilenhöhe</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="127"/>
        <source>Letter spacing</source>
        <translation>Zeichenabstand</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="128"/>
        <source>Shrink text to fit the box</source>
        <translation>Bei Überlauf verkleinern</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="129"/>
        <location filename="../../studio/ui/editor/inspector.py" line="177"/>
        <source>Outline</source>
        <translation>Kontur</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="130"/>
        <location filename="../../studio/ui/editor/inspector.py" line="178"/>
        <source>Outline colour</source>
        <translation>Konturfarbe</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="131"/>
        <source>Shadow</source>
        <translation>Schatten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="132"/>
        <source>Shadow offset X</source>
        <translation>Schatten X</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="133"/>
        <source>Shadow offset Y</source>
        <translation>Schatten Y</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="134"/>
        <source>Shadow blur</source>
        <translation>Unschärfe</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="135"/>
        <source>Shadow colour</source>
        <translation>Schattenfarbe</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="136"/>
        <source>Background box</source>
        <translation>Hintergrundfläche</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="137"/>
        <source>Box colour</source>
        <translation>Flächenfarbe</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="138"/>
        <source>Box padding</source>
        <translation>Innenabstand</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="139"/>
        <source>Box corners</source>
        <translation>Flächenecken</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="146"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="148"/>
        <source>Replace image…</source>
        <translation>Bild ersetzen…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="151"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="152"/>
        <source>Fill the frame (crop)</source>
        <translation>Füllen (zuschneiden)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="152"/>
        <source>Show whole image</source>
        <translation>Ganzes Bild zeigen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="153"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="154"/>
        <source>Crop left/right</source>
        <translation>Ausschnitt links/rechts</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="155"/>
        <source>Crop up/down</source>
        <translation>Ausschnitt oben/unten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="156"/>
        <source>Flip horizontally</source>
        <translation>Horizontal spiegeln</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="157"/>
        <source>Flip vertically</source>
        <translation>Vertikal spiegeln</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="158"/>
        <source>Rotate 90°</source>
        <translation>Um 90° drehen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="161"/>
        <source>Brightness</source>
        <translation>Helligkeit</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="162"/>
        <source>Contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="163"/>
        <source>Saturation</source>
        <translation>Sättigung</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="164"/>
        <source>Blur</source>
        <translation>Unschärfe</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="165"/>
        <location filename="../../studio/ui/editor/inspector.py" line="179"/>
        <source>Corners</source>
        <translation>Ecken</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="172"/>
        <location filename="../../studio/ui/editor/inspector.py" line="174"/>
        <source>Shape</source>
        <translation>Form</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="175"/>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="175"/>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="175"/>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="176"/>
        <source>Fill</source>
        <translation>Füllung</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="193"/>
        <source>Change %s</source>
        <translation>%s ändern</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="215"/>
        <source>Rotate image</source>
        <translation>Bild drehen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/inspector.py" line="259"/>
        <source>The font “%s” is not installed on this computer; a similar font is shown instead. Install it or choose another.</source>
        <translation>Die Schrift „%s“ ist auf diesem Computer nicht installiert; stattdessen wird eine ähnliche Schrift angezeigt. Installieren Sie sie oder wählen Sie eine andere.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/editor/inspector.py" line="262"/>
        <source>%n character(s) cannot be shown with any installed font.</source>
        <translation>
            <numerusform>%n Zeichen kann mit keiner installierten Schrift dargestellt werden.</numerusform>
            <numerusform>%n Zeichen können mit keiner installierten Schrift dargestellt werden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ItemDetails</name>
    <message>
        <location filename="../../studio/ui/queue_details.py" line="143"/>
        <source>Select a post to see how it went on each account.</source>
        <translation>Wählen Sie einen Beitrag, um zu sehen, wie es auf jedem Konto gelaufen ist.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_details.py" line="154"/>
        <source>%s posts selected</source>
        <translation>Ausgewählte Beiträge: %s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_details.py" line="167"/>
        <source>Untitled post</source>
        <translation>Beitrag ohne Titel</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_details.py" line="176"/>
        <source>Part %s of a repeating post.</source>
        <translation>Teil %s eines wiederkehrenden Beitrags.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_details.py" line="183"/>
        <source>The post&apos;s file cannot be read any more (moved or deleted). What was queued still goes out as it was frozen.</source>
        <translation>Die Datei des Beitrags lässt sich nicht mehr lesen (verschoben oder gelöscht). Was eingereiht wurde, geht trotzdem so hinaus, wie es eingefroren wurde.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_details.py" line="185"/>
        <source>The design changed since this was queued. What goes out is what was queued; to send the new version, open the post, queue it again and cancel this one.</source>
        <translation>Das Design hat sich geändert, seit dies eingereiht wurde. Hinaus geht, was eingereiht wurde; um die neue Fassung zu senden, öffnen Sie den Beitrag, reihen ihn neu ein und brechen diesen ab.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_details.py" line="195"/>
        <source>Open the post</source>
        <translation>Beitrag öffnen</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <location filename="../../studio/ui/editor/layers_panel.py" line="56"/>
        <location filename="../../studio/ui/editor/layers_panel.py" line="125"/>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/layers_panel.py" line="57"/>
        <location filename="../../studio/ui/editor/layers_panel.py" line="126"/>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/layers_panel.py" line="60"/>
        <source>Bring forward (Ctrl+])</source>
        <translation>Weiter nach vorne (Strg+])</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/layers_panel.py" line="61"/>
        <source>Send backward (Ctrl+[)</source>
        <translation>Weiter nach hinten (Strg+[)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/layers_panel.py" line="90"/>
        <source>hidden</source>
        <translation>ausgeblendet</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/layers_panel.py" line="90"/>
        <source>locked</source>
        <translation>gesperrt</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/layers_panel.py" line="125"/>
        <source>Show</source>
        <translation>Einblenden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/layers_panel.py" line="126"/>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/layers_panel.py" line="141"/>
        <source>Rename layer</source>
        <translation>Ebene umbenennen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/layers_panel.py" line="159"/>
        <source>Show layer</source>
        <translation>Ebene einblenden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/layers_panel.py" line="159"/>
        <source>Hide layer</source>
        <translation>Ebene ausblenden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/layers_panel.py" line="166"/>
        <source>Lock layer</source>
        <translation>Ebene sperren</translation>
    </message>
    <message>
        <location filename="../../studio/ui/editor/layers_panel.py" line="166"/>
        <source>Unlock layer</source>
        <translation>Ebene entsperren</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../studio/ui/actions.py" line="33"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="34"/>
        <source>&amp;New from template…</source>
        <translation>&amp;Neu aus Vorlage…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="35"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="36"/>
        <source>Open &amp;recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="40"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="41"/>
        <source>Save &amp;as…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="42"/>
        <source>&amp;Export image…</source>
        <translation>Bild &amp;exportieren…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="44"/>
        <source>&amp;Brand kit…</source>
        <translation>&amp;Markenkit…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="46"/>
        <source>&amp;Publish now…</source>
        <translation>&amp;Jetzt veröffentlichen…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="47"/>
        <source>A&amp;dd to queue…</source>
        <translation>In die &amp;Warteschlange…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="48"/>
        <source>Queue…</source>
        <translation>Einreihen…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="49"/>
        <source>&amp;Import posts…</source>
        <translation>Beiträge &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="50"/>
        <source>A&amp;ccounts…</source>
        <translation>K&amp;onten…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="52"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="54"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="55"/>
        <location filename="../../studio/ui/main_window.py" line="174"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="56"/>
        <location filename="../../studio/ui/main_window.py" line="175"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="59"/>
        <source>Cu&amp;t</source>
        <translation>Aus&amp;schneiden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="60"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="61"/>
        <source>&amp;Paste</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="62"/>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplizieren</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="63"/>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="64"/>
        <source>Select &amp;all</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="66"/>
        <source>&amp;Insert</source>
        <translation>&amp;Einfügen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="67"/>
        <source>&amp;Text</source>
        <translation>&amp;Text</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="68"/>
        <source>&amp;Image…</source>
        <translation>&amp;Bild…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="69"/>
        <source>&amp;Logo</source>
        <translation>&amp;Logo</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="71"/>
        <source>&amp;Rectangle</source>
        <translation>&amp;Rechteck</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="72"/>
        <source>&amp;Ellipse</source>
        <translation>&amp;Ellipse</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="73"/>
        <source>L&amp;ine</source>
        <translation>L&amp;inie</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="75"/>
        <source>&amp;Photos or videos to the post…</source>
        <translation>&amp;Fotos oder Videos zum Beitrag…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="76"/>
        <source>New &amp;design in the post</source>
        <translation>Neues &amp;Design im Beitrag</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="78"/>
        <source>&amp;Arrange</source>
        <translation>An&amp;ordnen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="79"/>
        <source>Bring &amp;forward</source>
        <translation>&amp;Weiter nach vorne</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="80"/>
        <source>Send &amp;backward</source>
        <translation>W&amp;eiter nach hinten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="81"/>
        <source>Bring to fron&amp;t</source>
        <translation>&amp;Ganz nach vorne</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="82"/>
        <source>Send to bac&amp;k</source>
        <translation>Ganz nach &amp;hinten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="84"/>
        <source>&amp;Lock / unlock</source>
        <translation>&amp;Sperren / entsperren</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="85"/>
        <source>&amp;Hide / show</source>
        <translation>&amp;Ausblenden / einblenden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="87"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="88"/>
        <source>Zoom to &amp;fit</source>
        <translation>In Fenster ein&amp;passen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="89"/>
        <source>&amp;Actual size (100 %)</source>
        <translation>&amp;Originalgröße (100 %)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="90"/>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="92"/>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="95"/>
        <source>&amp;Safe zones</source>
        <translation>&amp;Sicherheitsbereiche</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="96"/>
        <source>S&amp;napping</source>
        <translation>Ein&amp;rasten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="101"/>
        <source>&amp;Queue</source>
        <translation>&amp;Warteschlange</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="105"/>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="108"/>
        <source>Like the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="108"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="108"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="114"/>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="129"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/actions.py" line="142"/>
        <source>Could not save the brand kit</source>
        <translation>Das Markenkit konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="41"/>
        <source>Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.heic *.heif)</source>
        <translation>Bilder (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.heic *.heif)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="62"/>
        <source>Layers</source>
        <translation>Ebenen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="64"/>
        <source>Properties</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="66"/>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="71"/>
        <source>Previews</source>
        <translation>Vorschauen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="166"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="174"/>
        <source>&amp;Undo %s</source>
        <translation>&amp;Rückgängig: %s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="175"/>
        <source>&amp;Redo %s</source>
        <translation>&amp;Wiederherstellen: %s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="189"/>
        <source>Save the changes to this post first?</source>
        <translation>Änderungen an diesem Beitrag zuerst speichern?</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="207"/>
        <source>Open post</source>
        <translation>Beitrag öffnen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="208"/>
        <location filename="../../studio/ui/main_window.py" line="231"/>
        <source>Content Studio posts (*.studio)</source>
        <translation>Beiträge von Content Studio (*.studio)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="215"/>
        <source>Could not open the post</source>
        <translation>Der Beitrag konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="230"/>
        <source>Save post</source>
        <translation>Beitrag speichern</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="247"/>
        <source>Could not save the post</source>
        <translation>Der Beitrag konnte nicht gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="253"/>
        <source>Saved %s</source>
        <translation>Gespeichert: %s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="273"/>
        <source>Autosave failed: %s</source>
        <translation>Automatisches Speichern fehlgeschlagen: %s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="290"/>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="290"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="306"/>
        <source>Exported %s (%s×%s, %s KB, quality %s)</source>
        <translation>Exportiert: %s (%s×%s, %s KB, Qualität %s)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="312"/>
        <source>Could not export</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="316"/>
        <source>Export cancelled</source>
        <translation>Export abgebrochen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="328"/>
        <source>Add layer</source>
        <translation>Ebene hinzufügen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="338"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="338"/>
        <source>Your text</source>
        <translation>Ihr Text</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="371"/>
        <source>Add image</source>
        <translation>Bild hinzufügen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="371"/>
        <source>Could not add the image</source>
        <translation>Das Bild konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="382"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="387"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="404"/>
        <source>Add logo</source>
        <translation>Logo hinzufügen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="404"/>
        <source>Could not add the logo</source>
        <translation>Das Logo konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="411"/>
        <location filename="../../studio/ui/main_window.py" line="416"/>
        <source>Replace image</source>
        <translation>Bild ersetzen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="411"/>
        <source>Could not use the image</source>
        <translation>Das Bild kann nicht verwendet werden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="441"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="454"/>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="481"/>
        <source>Lock</source>
        <translation>Sperren</translation>
    </message>
    <message>
        <location filename="../../studio/ui/main_window.py" line="481"/>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <location filename="../../studio/ui/new_post.py" line="39"/>
        <source>Could not create the post</source>
        <translation>Der Beitrag konnte nicht erstellt werden</translation>
    </message>
</context>
<context>
    <name>MediaStrip</name>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="102"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="105"/>
        <source>Photos or videos…</source>
        <translation>Fotos oder Videos…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="106"/>
        <source>New design</source>
        <translation>Neues Design</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="107"/>
        <source>Duplicate this design</source>
        <translation>Dieses Design duplizieren</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="109"/>
        <location filename="../../studio/ui/media_strip.py" line="371"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="112"/>
        <source>Focal point…</source>
        <translation>Fokuspunkt…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="113"/>
        <source>The part of the photo that stays in view when a network crops it</source>
        <translation>Der Teil des Fotos, der sichtbar bleibt, wenn ein Netzwerk es zuschneidet</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="120"/>
        <source>Alt text</source>
        <translation>Alternativtext</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="123"/>
        <source>Describe the image for people who cannot see it</source>
        <translation>Beschreiben Sie das Bild für Menschen, die es nicht sehen können</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="182"/>
        <source>Empty</source>
        <translation>Leer</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="183"/>
        <source>An empty design is not posted (a text-only post): add something to it, or photos and videos to the post.</source>
        <translation>Ein leeres Design wird nicht veröffentlicht (ein reiner Textbeitrag): Fügen Sie etwas hinzu oder dem Beitrag Fotos und Videos.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="187"/>
        <location filename="../../studio/ui/media_strip.py" line="194"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="188"/>
        <source>No alt text yet: people using screen readers will not know what it shows.</source>
        <translation>Noch kein Alternativtext: Wer einen Screenreader nutzt, erfährt nicht, was es zeigt.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="193"/>
        <source>Design</source>
        <translation>Design</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="194"/>
        <location filename="../../studio/ui/media_strip.py" line="272"/>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="279"/>
        <location filename="../../studio/ui/media_strip.py" line="288"/>
        <source>characters: %d</source>
        <translation>Zeichen: %d</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="286"/>
        <source>Edit alt text</source>
        <translation>Alternativtext bearbeiten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="292"/>
        <source>Add photos or videos</source>
        <translation>Fotos oder Videos hinzufügen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="293"/>
        <source>Photos and videos (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.heic *.heif *.mp4 *.mov *.m4v *.webm)</source>
        <translation>Fotos und Videos (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff *.heic *.heif *.mp4 *.mov *.m4v *.webm)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="301"/>
        <source>Could not add the file</source>
        <translation>Die Datei konnte nicht hinzugefügt werden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="303"/>
        <source>Add media</source>
        <translation>Medium hinzufügen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="322"/>
        <source>Add design</source>
        <translation>Design hinzufügen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="329"/>
        <source>Remove media</source>
        <translation>Medium entfernen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="336"/>
        <location filename="../../studio/ui/media_strip.py" line="347"/>
        <source>Reorder media</source>
        <translation>Medien umordnen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="362"/>
        <source>Set focal point</source>
        <translation>Fokuspunkt setzen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="368"/>
        <source>Move left</source>
        <translation>Nach links</translation>
    </message>
    <message>
        <location filename="../../studio/ui/media_strip.py" line="369"/>
        <source>Move right</source>
        <translation>Nach rechts</translation>
    </message>
</context>
<context>
    <name>OptionsRow</name>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="221"/>
        <source>Public</source>
        <translation>Öffentlich</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="221"/>
        <source>Quiet public</source>
        <translation>Still öffentlich</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="222"/>
        <source>Followers only</source>
        <translation>Nur Follower</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="222"/>
        <source>Mentioned people only</source>
        <translation>Nur erwähnte Personen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="229"/>
        <source>Content warning (the post is folded behind it)</source>
        <translation>Inhaltswarnung (der Beitrag wird dahinter eingeklappt)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="231"/>
        <source>Sensitive media</source>
        <translation>Heikle Medien</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="238"/>
        <source>en</source>
        <translation>de</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="239"/>
        <source>The post&apos;s language as a two-letter code (en, de, fr…), for readers&apos; filters and translation</source>
        <translation>Die Sprache des Beitrags als Code aus zwei Buchstaben (de, en, fr…), für Filter und Übersetzung bei den Lesenden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="242"/>
        <source>Without a notification sound</source>
        <translation>Ohne Benachrichtigungston</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="245"/>
        <source>Link preview</source>
        <translation>Linkvorschau</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="248"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
</context>
<context>
    <name>PostPanel</name>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="48"/>
        <source>The post&apos;s text: what goes out with the image (emoji welcome)</source>
        <translation>Der Text des Beitrags, der mit dem Bild erscheint (Emoji willkommen)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="50"/>
        <source>Caption</source>
        <translation>Beitragstext</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="54"/>
        <source>Post to</source>
        <translation>Veröffentlichen auf</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="67"/>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="72"/>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="73"/>
        <source>Own text for this network</source>
        <translation>Eigener Text für dieses Netzwerk</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="82"/>
        <source>#extra #hashtags for this network</source>
        <translation>#weitere #Hashtags für dieses Netzwerk</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="84"/>
        <source>Hashtags</source>
        <translation>Hashtags</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="87"/>
        <source>First comment</source>
        <translation>Erster Kommentar</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="91"/>
        <source>Further posts of a thread, separated by a line with ---</source>
        <translation>Weitere Beiträge eines Threads, getrennt durch eine Zeile mit ---</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="93"/>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="166"/>
        <source>Edit caption</source>
        <translation>Beitragstext bearbeiten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="173"/>
        <source>Choose targets</source>
        <translation>Ziele wählen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/post_panel.py" line="205"/>
        <source>Edit variant</source>
        <translation>Variante bearbeiten</translation>
    </message>
</context>
<context>
    <name>PreviewCard</name>
    <message>
        <location filename="../../studio/ui/preview_card.py" line="110"/>
        <source>Click to expand or collapse the text</source>
        <translation>Klicken, um den Text auf- oder zuzuklappen</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../studio/ui/preview_panel.py" line="59"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview_panel.py" line="60"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview_panel.py" line="208"/>
        <source>Choose where this post goes under “Post to”.</source>
        <translation>Wählen Sie unter „Veröffentlichen auf“, wohin dieser Beitrag geht.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/preview_panel.py" line="211"/>
        <source>Fix the errors for %s before queueing.</source>
        <translation>Beheben Sie die Fehler für %s, bevor Sie den Beitrag einplanen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/preview_panel.py" line="213"/>
        <source>Ready for %n target(s).</source>
        <translation>
            <numerusform>Bereit für %n Ziel.</numerusform>
            <numerusform>Bereit für %n Ziele.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="70"/>
        <source>Publish now</source>
        <translation>Jetzt veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="87"/>
        <source>Accounts…</source>
        <translation>Konten…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="91"/>
        <source>Publish</source>
        <translation>Veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="95"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="98"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="145"/>
        <source>Needs re-authorisation: open Accounts… to reconnect it.</source>
        <translation>Muss neu autorisiert werden: unter „Konten…“ neu verbinden.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="149"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="162"/>
        <source>No accounts are connected yet. Connect one in Accounts…, then publish.</source>
        <translation>Noch ist kein Konto verbunden. Verbinden Sie eines unter „Konten…“ und veröffentlichen Sie dann.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../studio/ui/publish_dialog.py" line="164"/>
        <source>Publish this post now to %n account(s).</source>
        <translation>
            <numerusform>Diesen Beitrag jetzt bei %n Konto veröffentlichen.</numerusform>
            <numerusform>Diesen Beitrag jetzt bei %n Konten veröffentlichen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="189"/>
        <source>Publishing…</source>
        <translation>Veröffentliche…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="202"/>
        <source>Cancelling… what was already posted stays posted.</source>
        <translation>Breche ab… Bereits Veröffentlichtes bleibt veröffentlicht.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="218"/>
        <source>Cancelled before it was sent.</source>
        <translation>Abgebrochen, bevor es gesendet wurde.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="221"/>
        <source>Open the post</source>
        <translation>Beitrag öffnen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="226"/>
        <source>Posted to %1 of %2 account(s).</source>
        <translation>Bei %1 von %2 Konten veröffentlicht.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="231"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="231"/>
        <source>Needs re-authorisation</source>
        <translation>Muss neu autorisiert werden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="232"/>
        <source>Outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <location filename="../../studio/ui/publish_dialog.py" line="232"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="35"/>
        <source>Scheduled</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="36"/>
        <source>Sending</source>
        <translation>Wird gesendet</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="37"/>
        <source>Posted</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="38"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="39"/>
        <source>Needs re-authorisation</source>
        <translation>Muss neu autorisiert werden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="40"/>
        <source>Outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="41"/>
        <source>Waiting for confirmation</source>
        <translation>Wartet auf Bestätigung</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="42"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="63"/>
        <source>en_GB</source>
        <translation>de_DE</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="77"/>
        <source>ddd d MMM yyyy, HH:mm</source>
        <translation>ddd d. MMM yyyy, HH:mm</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="77"/>
        <source>ddd d MMM, HH:mm</source>
        <translation>ddd d. MMM, HH:mm</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="111"/>
        <source>It will be tried again %s.</source>
        <translation>Es wird %s noch einmal versucht.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="112"/>
        <source>It goes out %s.</source>
        <translation>Geht %s hinaus.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="114"/>
        <source>It is being sent right now.</source>
        <translation>Wird gerade gesendet.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="116"/>
        <source>It is on %s.</source>
        <translation>Ist auf %s erschienen.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="118"/>
        <source>%s refused it or could not be reached. Fix what it says (open the post, change it and queue it again), or retry it if the problem has passed.</source>
        <translation>%s hat es abgelehnt oder war nicht erreichbar. Beheben Sie, was dort steht (Beitrag öffnen, ändern und neu einreihen), oder versuchen Sie es erneut, wenn das Problem vorbei ist.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="121"/>
        <source>%s no longer accepts the sign-in. Reconnect the account in Accounts…; the post goes out once it is connected again.</source>
        <translation>%s nimmt die Anmeldung nicht mehr an. Verbinden Sie das Konto unter Konten… neu; der Beitrag geht hinaus, sobald es wieder verbunden ist.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="124"/>
        <source>The post may have reached %s, but no answer came and the network cannot be asked. Look at the account: if the post is there, cancel this one; if it is not, send it again.</source>
        <translation>Der Beitrag ist vielleicht bei %s angekommen, aber es kam keine Antwort, und das Netzwerk lässt sich nicht fragen. Sehen Sie im Konto nach: Ist der Beitrag da, brechen Sie diesen ab; ist er nicht da, senden Sie ihn noch einmal.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="128"/>
        <source>It was due while Content Studio was not publishing. Confirm to post it now, or reschedule or cancel it.</source>
        <translation>Er war fällig, als Content Studio nichts veröffentlicht hat. Bestätige, um ihn jetzt zu veröffentlichen, oder verschiebe oder brich ihn ab.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_text.py" line="131"/>
        <source>It will not be sent. Retry to queue it again.</source>
        <translation>Wird nicht gesendet. „Erneut versuchen“ reiht ihn wieder ein.</translation>
    </message>
</context>
<context>
    <name>QueueDelegate</name>
    <message>
        <location filename="../../studio/ui/queue_delegate.py" line="127"/>
        <source>Post file missing</source>
        <translation>Beitragsdatei fehlt</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_delegate.py" line="129"/>
        <source>Design changed since queueing</source>
        <translation>Design seit dem Einreihen geändert</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_delegate.py" line="131"/>
        <source>Repeats</source>
        <translation>Wiederholt sich</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_delegate.py" line="164"/>
        <source>+%s more: select the post to see them all</source>
        <translation>+%s weitere: Beitrag auswählen für alle</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_delegate.py" line="196"/>
        <source>Open the post</source>
        <translation>Beitrag öffnen</translation>
    </message>
</context>
<context>
    <name>QueueFeature</name>
    <message>
        <location filename="../../studio/ui/queue_feature.py" line="55"/>
        <source>Add to queue</source>
        <translation>In die Warteschlange</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_feature.py" line="56"/>
        <source>The queue sends the post as it is saved in its file. Save the post now?</source>
        <translation>Die Warteschlange sendet den Beitrag so, wie er in seiner Datei gespeichert ist. Jetzt speichern?</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_feature.py" line="102"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_feature.py" line="111"/>
        <source>Posted</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_feature.py" line="111"/>
        <source>Posted to %s: %s</source>
        <translation>Veröffentlicht auf %s: %s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_feature.py" line="113"/>
        <source>Could not post</source>
        <translation>Konnte nicht veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_feature.py" line="115"/>
        <source>Needs re-authorisation</source>
        <translation>Muss neu autorisiert werden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_feature.py" line="116"/>
        <source>%s needs re-authorisation: reconnect it in File → Accounts….</source>
        <translation>%s muss neu autorisiert werden: Verbinden Sie es unter Datei → Konten… neu.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_feature.py" line="118"/>
        <source>Outcome unknown</source>
        <translation>Ergebnis unbekannt</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_feature.py" line="119"/>
        <source>%s: the post may or may not have arrived. Check the account, then decide in the queue window.</source>
        <translation>%s: Der Beitrag ist vielleicht angekommen, vielleicht nicht. Sieh im Konto nach und entscheide dann im Warteschlangenfenster.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_feature.py" line="122"/>
        <source>Waiting for confirmation</source>
        <translation>Wartet auf Bestätigung</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_feature.py" line="123"/>
        <source>A post to %s was due while nothing was publishing. Confirm it in the queue window.</source>
        <translation>Ein Beitrag für %s war fällig, als nichts veröffentlicht hat. Bestätige ihn im Warteschlangenfenster.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_feature.py" line="126"/>
        <source>%s: will try again %s. %s</source>
        <translation>%s: neuer Versuch %s. %s</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../studio/ui/queue_model.py" line="234"/>
        <source>Post</source>
        <translation>Beitrag</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_model.py" line="234"/>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_model.py" line="234"/>
        <source>Accounts</source>
        <translation>Konten</translation>
    </message>
</context>
<context>
    <name>QueueWindow</name>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="69"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="114"/>
        <source>List</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="114"/>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="114"/>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="125"/>
        <location filename="../../studio/ui/queue_window.py" line="154"/>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="135"/>
        <source>Time slots…</source>
        <translation>Zeitfenster…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="137"/>
        <source>Export history…</source>
        <translation>Verlauf exportieren…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="148"/>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="153"/>
        <source>All dates</source>
        <translation>Alle Tage</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="153"/>
        <source>Upcoming</source>
        <translation>Anstehend</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="153"/>
        <source>Past</source>
        <translation>Vergangen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="154"/>
        <source>Next 7 days</source>
        <translation>Nächste 7 Tage</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="155"/>
        <source>This month</source>
        <translation>Dieser Monat</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="155"/>
        <source>Between…</source>
        <translation>Zwischen…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="167"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="167"/>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="168"/>
        <source>Dates</source>
        <translation>Tage</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="192"/>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="205"/>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="206"/>
        <source>Cancel posts…</source>
        <translation>Beiträge abbrechen…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="207"/>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="208"/>
        <source>Reschedule…</source>
        <translation>Verschieben…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="209"/>
        <source>Publish now</source>
        <translation>Jetzt veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="210"/>
        <source>Open the post</source>
        <translation>Beitrag öffnen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="269"/>
        <source>It goes out now.</source>
        <translation>Er geht jetzt hinaus.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="331"/>
        <source>All accounts</source>
        <translation>Alle Konten</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="384"/>
        <source>Posts: %s</source>
        <translation>Beiträge: %s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="464"/>
        <source>Nothing is publishing from the studio right now: due posts wait until the studio or “studio queue run” runs.</source>
        <translation>Das Studio veröffentlicht gerade nichts: Fällige Beiträge warten, bis das Studio oder „studio queue run“ läuft.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="467"/>
        <source>Publishing in the background: due posts go out while the studio is open, and each result is shown as a notification.</source>
        <translation>Veröffentlicht im Hintergrund: Fällige Beiträge gehen hinaus, solange das Studio offen ist, und jedes Ergebnis erscheint als Benachrichtigung.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="470"/>
        <source>process %s</source>
        <translation>Prozess %s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="470"/>
        <source>another program</source>
        <translation>ein anderes Programm</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="471"/>
        <source>Another queue runner (%s, such as “studio queue run”) is publishing from this library. The studio shows what it does and takes over when it stops.</source>
        <translation>Ein anderer Veröffentlichungsprozess (%s, etwa „studio queue run“) veröffentlicht aus dieser Bibliothek. Das Studio zeigt, was er tut, und übernimmt, wenn er endet.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="475"/>
        <source>The background publisher stopped: %s It tries again in a while.</source>
        <translation>Das Veröffentlichen im Hintergrund wurde angehalten: %s Es wird in einer Weile erneut versucht.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="617"/>
        <source>They will be sent again shortly.</source>
        <translation>Sie werden gleich noch einmal gesendet.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="622"/>
        <source>Send it again?</source>
        <translation>Noch einmal senden?</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="623"/>
        <source>Only send it again if you have looked at the account and the post is not there; otherwise it appears twice.</source>
        <translation>Senden Sie ihn nur noch einmal, wenn Sie im Konto nachgesehen haben und der Beitrag nicht da ist; sonst erscheint er zweimal.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="629"/>
        <source>%s will be sent again shortly.</source>
        <translation>%s wird gleich noch einmal gesendet.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="632"/>
        <source>Cancelled for %s.</source>
        <translation>Für %s abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="639"/>
        <source>Cancel posts</source>
        <translation>Beiträge abbrechen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="640"/>
        <source>Cancel %s post(s)? What was posted stays posted; the rest is not sent.</source>
        <translation>%s Beitrag/Beiträge abbrechen? Was veröffentlicht ist, bleibt veröffentlicht; der Rest wird nicht gesendet.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="643"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="647"/>
        <source>They go out now.</source>
        <translation>Sie gehen jetzt hinaus.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="663"/>
        <source>Nothing was moved: it is being sent or has gone out already.</source>
        <translation>Nichts wurde verschoben: Er wird gerade gesendet oder ist schon hinausgegangen.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="667"/>
        <source>Moved to %s.</source>
        <translation>Verschoben auf %s.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="679"/>
        <source>Publishing now…</source>
        <translation>Wird jetzt veröffentlicht…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="688"/>
        <source>Publish now: %s of %s done.</source>
        <translation>Jetzt veröffentlichen: %s von %s erledigt.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="699"/>
        <source>(nothing is publishing: they go out when a runner starts)</source>
        <translation>(gerade veröffentlicht nichts: Sie gehen hinaus, sobald ein Veröffentlichungsprozess läuft)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="700"/>
        <source>Publishing now: %s of %s</source>
        <translation>Wird jetzt veröffentlicht: %s von %s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="709"/>
        <source>Stopped: what was posted stays posted, the rest waits for its time.</source>
        <translation>Angehalten: Was veröffentlicht ist, bleibt veröffentlicht; der Rest wartet auf seine Zeit.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="734"/>
        <source>Export the queue&apos;s history</source>
        <translation>Verlauf der Warteschlange exportieren</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="735"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="753"/>
        <source>Could not write %s: %s</source>
        <translation>%s konnte nicht geschrieben werden: %s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_window.py" line="756"/>
        <source>Wrote %s events to %s.</source>
        <translation>%s Ereignisse nach %s geschrieben.</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <location filename="../../studio/ui/queue_dialogs.py" line="30"/>
        <location filename="../../studio/ui/queue_dialogs.py" line="41"/>
        <source>Reschedule</source>
        <translation>Verschieben</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_dialogs.py" line="33"/>
        <source>When should “%s” go out?</source>
        <translation>Wann soll „%s“ hinausgehen?</translation>
    </message>
</context>
<context>
    <name>SlotsDialog</name>
    <message>
        <location filename="../../studio/ui/queue_dialogs.py" line="76"/>
        <source>Time slots</source>
        <translation>Zeitfenster</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_dialogs.py" line="93"/>
        <source>Account</source>
        <translation>Konto</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_dialogs.py" line="94"/>
        <source>Time zone</source>
        <translation>Zeitzone</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_dialogs.py" line="96"/>
        <source>One line per set of days and times, such as “mon-fri 09:00,17:30”, “sat 10:00”, “daily 12:00” or “weekends 11:00”. Slots keep their time of day when the clocks change.</source>
        <translation>Eine Zeile je Tage und Uhrzeiten, etwa „mon-fri 09:00,17:30“, „sat 10:00“, „daily 12:00“ oder „weekends 11:00“ (englische Tageskürzel). Zeitfenster behalten ihre Uhrzeit, wenn die Uhren umgestellt werden.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_dialogs.py" line="123"/>
        <source>Next free slot: %s</source>
        <translation>Nächstes freies Zeitfenster: %s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_dialogs.py" line="140"/>
        <source>No time slots: “Next free slot” cannot be used for this account.</source>
        <translation>Keine Zeitfenster: „Nächstes freies Zeitfenster“ geht für dieses Konto nicht.</translation>
    </message>
</context>
<context>
    <name>TargetCard</name>
    <message>
        <location filename="../../studio/ui/queue_details.py" line="61"/>
        <source>Due %s</source>
        <translation>Fällig %s</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_details.py" line="70"/>
        <source>Open the post</source>
        <translation>Beitrag öffnen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_details.py" line="101"/>
        <source>Retry this one</source>
        <translation>Diesen erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_details.py" line="103"/>
        <source>Accounts…</source>
        <translation>Konten…</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_details.py" line="105"/>
        <source>Post it now</source>
        <translation>Jetzt veröffentlichen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_details.py" line="107"/>
        <source>It is not there: send it again</source>
        <translation>Er ist nicht da: noch einmal senden</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_details.py" line="110"/>
        <source>Cancel this one</source>
        <translation>Diesen abbrechen</translation>
    </message>
</context>
<context>
    <name>TemplateDialog</name>
    <message>
        <location filename="../../studio/core/design.py" line="124"/>
        <source>Square 1:1 (1080×1080)</source>
        <translation>Quadrat 1:1 (1080×1080)</translation>
    </message>
    <message>
        <location filename="../../studio/core/design.py" line="125"/>
        <source>Portrait 4:5 (1080×1350)</source>
        <translation>Hochformat 4:5 (1080×1350)</translation>
    </message>
    <message>
        <location filename="../../studio/core/design.py" line="126"/>
        <source>Story / Reel 9:16 (1080×1920)</source>
        <translation>Story / Reel 9:16 (1080×1920)</translation>
    </message>
    <message>
        <location filename="../../studio/core/design.py" line="127"/>
        <source>Link card 1.91:1 (1200×628)</source>
        <translation>Linkvorschau 1,91:1 (1200×628)</translation>
    </message>
    <message>
        <location filename="../../studio/core/design.py" line="128"/>
        <source>Landscape 16:9 (1600×900)</source>
        <translation>Querformat 16:9 (1600×900)</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="51"/>
        <source>Album release</source>
        <translation>Neues Album</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="51"/>
        <source>Cover art on a blurred backdrop, the album title and OUT NOW.</source>
        <translation>Das Cover auf einem unscharfen Hintergrund, der Albumtitel und „OUT NOW“.</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="57"/>
        <source>Tour dates</source>
        <translation>Tourdaten</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="57"/>
        <source>Band name over a concert photo and the tour&apos;s dates on a panel.</source>
        <translation>Der Bandname über einem Konzertfoto und die Tourdaten auf einer Tafel.</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="63"/>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="63"/>
        <source>A big two-line event title over a city photo, the date and the venue.</source>
        <translation>Ein großer zweizeiliger Titel über einem Stadtfoto, dazu Datum und Veranstaltungsort.</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="69"/>
        <source>Quote</source>
        <translation>Zitat</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="69"/>
        <source>A quote and its author on a light card over a photo.</source>
        <translation>Ein Zitat und sein Urheber auf einer hellen Karte über einem Foto.</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="75"/>
        <source>Product launch</source>
        <translation>Produkteinführung</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="75"/>
        <source>Product photo beside its name, pitch, price and launch date.</source>
        <translation>Das Produktfoto neben Name, Werbetext, Preis und Erscheinungsdatum.</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="81"/>
        <source>Sale</source>
        <translation>Rabattaktion</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="81"/>
        <source>A huge discount in a ring on the brand colour, the offer and a SHOP NOW button.</source>
        <translation>Ein großer Rabatt in einem Ring auf der Markenfarbe, das Angebot und ein „SHOP NOW“-Button.</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="87"/>
        <source>Statement</source>
        <translation>Statement</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="87"/>
        <source>A campaign statement set big beside an accent bar, with its hashtag.</source>
        <translation>Eine Kampagnenbotschaft in großer Schrift neben einem Akzentbalken, mit ihrem Hashtag.</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="93"/>
        <source>Link card</source>
        <translation>Linkvorschau</translation>
    </message>
    <message>
        <location filename="../../studio/core/templates.py" line="93"/>
        <source>A blog post&apos;s photo, title and domain, sized for link previews.</source>
        <translation>Foto, Titel und Domain eines Blogartikels, im Format für Linkvorschauen.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="190"/>
        <source>New post from a template</source>
        <translation>Neuer Beitrag aus einer Vorlage</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="201"/>
        <source>Blank</source>
        <translation>Leer</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="213"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="215"/>
        <source>Template&apos;s own</source>
        <translation>Wie die Vorlage</translation>
    </message>
    <message>
        <location filename="../../studio/ui/dialogs.py" line="222"/>
        <source>Create</source>
        <translation>Erstellen</translation>
    </message>
</context>
<context>
    <name>WhenEditor</name>
    <message>
        <location filename="../../studio/ui/queue_when.py" line="53"/>
        <source>Next free time slot of each account</source>
        <translation>Nächstes freies Zeitfenster jedes Kontos</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_when.py" line="53"/>
        <source>At</source>
        <translation>Am</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_when.py" line="54"/>
        <source>Now</source>
        <translation>Jetzt</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_when.py" line="109"/>
        <source>Repeat every</source>
        <translation>Wiederholen alle</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_when.py" line="114"/>
        <source>days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_when.py" line="115"/>
        <source>weeks</source>
        <translation>Wochen</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_when.py" line="119"/>
        <source>until</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_when.py" line="120"/>
        <source>posts in all:</source>
        <translation>Beiträge insgesamt:</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_when.py" line="180"/>
        <source>That time has passed. Choose a later one, or Now.</source>
        <translation>Diese Zeit ist vorbei. Wählen Sie eine spätere oder „Jetzt“.</translation>
    </message>
    <message>
        <location filename="../../studio/ui/queue_when.py" line="215"/>
        <source>That is %s on this computer&apos;s clock (%s).</source>
        <translation>Das ist %s nach der Uhr dieses Computers (%s).</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../studio/app.py" line="105"/>
        <source>Content Studio closed unexpectedly. Restore the unsaved work of “%s”?</source>
        <translation>Content Studio wurde unerwartet beendet. Die nicht gespeicherte Arbeit an „%s“ wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../../studio/app.py" line="107"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
</TS>
