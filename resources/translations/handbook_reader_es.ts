<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../reader/ui/actions.py" line="35"/>
        <source>&amp;Open Handbook Folder…</source>
        <translation>&amp;Abrir carpeta del manual…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="37"/>
        <source>Open Handbook &amp;File…</source>
        <translation>Abrir archi&amp;vo de manual…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="39"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="40"/>
        <source>Print or save as PDF</source>
        <translation>Imprimir o guardar como PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="41"/>
        <source>&amp;Export PDF…</source>
        <translation>&amp;Exportar PDF…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="43"/>
        <source>Export &amp;Bookmarks…</source>
        <translation>Exportar &amp;marcadores…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="44"/>
        <source>&amp;Import Bookmarks…</source>
        <translation>Im&amp;portar marcadores…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="45"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="46"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="47"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="48"/>
        <source>&amp;Clinic Details…</source>
        <translation>Datos de la &amp;clínica…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="49"/>
        <source>Your clinic&apos;s own numbers and team, shown in the handbook and on every printout</source>
        <translation>Los teléfonos y el equipo de su clínica, que se muestran en el manual y en cada impresión</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="51"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="53"/>
        <source>Go back</source>
        <translation>Volver atrás</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="54"/>
        <source>&amp;Forward</source>
        <translation>A&amp;delante</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="56"/>
        <source>Go forward</source>
        <translation>Ir adelante</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="57"/>
        <source>&amp;Start Page</source>
        <translation>Página de &amp;inicio</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="58"/>
        <source>Go to the start of the handbook</source>
        <translation>Ir al inicio del manual</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="59"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="60"/>
        <source>&amp;Previous Section</source>
        <translation>Sección a&amp;nterior</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="62"/>
        <source>&amp;Next Section</source>
        <translation>Sección &amp;siguiente</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="64"/>
        <source>&amp;Search the Handbook</source>
        <translation>&amp;Buscar en el manual</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="66"/>
        <source>&amp;Find in Page…</source>
        <translation>Buscar en esta &amp;página…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="68"/>
        <source>&amp;Bookmark This Section</source>
        <translation>Marcar esta &amp;sección</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="69"/>
        <source>Bookmark this section (Ctrl+D)</source>
        <translation>Marcar esta sección (Control+D)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="70"/>
        <source>Bookmark</source>
        <translation>Marcador</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="71"/>
        <source>&amp;Contents</source>
        <translation>Í&amp;ndice</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="73"/>
        <source>&amp;Glossary</source>
        <translation>&amp;Glosario</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="74"/>
        <source>Show or hide the glossary (F9)</source>
        <translation>Mostrar u ocultar el glosario (F9)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="75"/>
        <source>Book&amp;marks</source>
        <translation>&amp;Marcadores</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="77"/>
        <source>&amp;Explain Hard Words in the Text</source>
        <translation>&amp;Explicar las palabras difíciles del texto</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="79"/>
        <source>&amp;Larger Text</source>
        <translation>Texto más gran&amp;de</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="81"/>
        <source>Larger text (Ctrl++)</source>
        <translation>Texto más grande (Control++)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="82"/>
        <source>Larger</source>
        <translation>Más grande</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="83"/>
        <source>&amp;Smaller Text</source>
        <translation>Texto más &amp;pequeño</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="85"/>
        <source>Smaller text (Ctrl+-)</source>
        <translation>Texto más pequeño (Control+-)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="86"/>
        <source>Smaller</source>
        <translation>Más pequeño</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="87"/>
        <source>Follow the &amp;System</source>
        <translation>Igual que el &amp;sistema</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="88"/>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="89"/>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="90"/>
        <source>&amp;High Contrast</source>
        <translation>&amp;Alto contraste</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="91"/>
        <source>&amp;Normal Text Size</source>
        <translation>Tamaño no&amp;rmal del texto</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="92"/>
        <source>L&amp;isten</source>
        <translation>Esc&amp;uchar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="93"/>
        <source>Read this section aloud (F5)</source>
        <translation>Leer esta sección en voz alta (F5)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="94"/>
        <source>&amp;Pause Reading</source>
        <translation>Pausar &amp;la lectura</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="95"/>
        <source>Pause or go on reading aloud (F7)</source>
        <translation>Pausar o seguir leyendo en voz alta (F7)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="107"/>
        <source>Next Par&amp;t of the Window</source>
        <translation>Siguiente parte de la &amp;ventana</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="108"/>
        <source>Previous Part of the &amp;Window</source>
        <translation>Parte anteri&amp;or de la ventana</translation>
    </message>
    <message>
        <source>Pause or go on reading aloud (F6)</source>
        <translation type="vanished">Pausar o seguir leyendo en voz alta (F6)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="96"/>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="97"/>
        <source>St&amp;op Reading</source>
        <translation>Detener la le&amp;ctura</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="98"/>
        <source>Stop reading aloud (Shift+F5)</source>
        <translation>Dejar de leer en voz alta (Mayús+F5)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="99"/>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="100"/>
        <source>Pre&amp;vious Sentence</source>
        <translation>Frase &amp;anterior</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="101"/>
        <source>Previous</source>
        <translation>Anterior</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="102"/>
        <source>Ne&amp;xt Sentence</source>
        <translation>Frase &amp;siguiente</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="103"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="104"/>
        <source>Contin&amp;ue to Next Section</source>
        <translation>Segu&amp;ir con la sección siguiente</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="105"/>
        <source>When a section ends, read the next one</source>
        <translation>Al terminar una sección, leer la siguiente</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="106"/>
        <source>Keep going</source>
        <translation>Seguir</translation>
    </message>
    <message>
        <source>Next &amp;Part of the Window</source>
        <translation type="vanished">&amp;Siguiente parte de la ventana</translation>
    </message>
    <message>
        <source>Pre&amp;vious Part of the Window</source>
        <translation type="vanished">Parte &amp;anterior de la ventana</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="110"/>
        <source>&amp;About Handbook Reader</source>
        <translation>&amp;Acerca de Handbook Reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/actions.py" line="111"/>
        <source>How to Use This &amp;Reader</source>
        <translation>&amp;Cómo usar este lector</translation>
    </message>
</context>
<context>
    <name>AdminExit</name>
    <message>
        <location filename="../../reader/ui/kiosk/admin.py" line="67"/>
        <location filename="../../reader/ui/kiosk/admin.py" line="74"/>
        <source>Kiosk mode</source>
        <extracomment>For the administrator, in the log: how to set the PIN that closes the kiosk.</extracomment>
        <translation>Modo quiosco</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/admin.py" line="68"/>
        <source>This kiosk can&apos;t be closed from the screen. If you need help, please ask a member of staff.</source>
        <translation>Este quiosco no se puede cerrar desde la pantalla. Si necesita ayuda, hable con alguien del personal.</translation>
    </message>
    <message>
        <source>No administrator PIN is set, so the kiosk can&apos;t be closed from the screen. An administrator can set one with: handbook-reader kiosk-pin</source>
        <translation type="vanished">No hay un PIN de administración, así que el quiosco no se puede cerrar desde la pantalla. Un administrador puede crear uno con: handbook-reader kiosk-pin</translation>
    </message>
</context>
<context>
    <name>AdminPinDialog</name>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="141"/>
        <source>Leave kiosk mode</source>
        <translation>Salir del modo quiosco</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="142"/>
        <source>Administrator PIN</source>
        <translation>PIN de administración</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="143"/>
        <source>Administrator: type the PIN to close the kiosk.</source>
        <translation>Administración: escriba el PIN para cerrar el quiosco.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="144"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="145"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="146"/>
        <location filename="../../reader/ui/kiosk/widgets.py" line="147"/>
        <source>Close the kiosk</source>
        <translation>Cerrar el quiosco</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="148"/>
        <source>Clinic details…</source>
        <translation>Datos de la clínica…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="149"/>
        <source>Edit the clinic&apos;s details</source>
        <translation>Editar los datos de la clínica</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="150"/>
        <location filename="../../reader/ui/kiosk/widgets.py" line="151"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="152"/>
        <source>Delete last digit</source>
        <translation>Borrar el último número</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="152"/>
        <source>Clear</source>
        <translation>Borrar todo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="177"/>
        <source>That PIN is not right. Please try again.</source>
        <translation>Ese PIN no es correcto. Por favor, inténtelo de nuevo.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/kiosk/widgets.py" line="181"/>
        <source>Too many wrong tries. Try again in %n seconds.</source>
        <translation>
            <numerusform>Demasiados intentos fallidos. Vuelva a intentarlo en %n segundo.</numerusform>
            <numerusform>Demasiados intentos fallidos. Vuelva a intentarlo en %n segundos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Announcements</name>
    <message>
        <location filename="../../reader/ui/accessibility/announce.py" line="74"/>
        <source>Reading aloud</source>
        <extracomment>An announcement is cut here: a screen reader reads a meaning, not a chapter.</extracomment>
        <translation>Leyendo en voz alta</translation>
    </message>
    <message>
        <location filename="../../reader/ui/accessibility/announce.py" line="75"/>
        <source>Reading aloud paused</source>
        <translation>Lectura en voz alta en pausa</translation>
    </message>
    <message>
        <location filename="../../reader/ui/accessibility/announce.py" line="76"/>
        <source>Reading aloud stopped</source>
        <translation>Lectura en voz alta detenida</translation>
    </message>
    <message>
        <location filename="../../reader/ui/accessibility/announce.py" line="83"/>
        <source>No results</source>
        <translation>Ningún resultado</translation>
    </message>
    <message>
        <location filename="../../reader/ui/accessibility/announce.py" line="85"/>
        <source>1 result</source>
        <translation>1 resultado</translation>
    </message>
    <message>
        <location filename="../../reader/ui/accessibility/announce.py" line="86"/>
        <source>%1 results</source>
        <translation>%1 resultados</translation>
    </message>
    <message>
        <location filename="../../reader/ui/accessibility/announce.py" line="128"/>
        <source>Result %1 of %2: %3</source>
        <translation>Resultado %1 de %2: %3</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../reader/ui/app.py" line="49"/>
        <source>Something went wrong</source>
        <translation>Algo salió mal</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="50"/>
        <source>Handbook Reader ran into a problem, but your bookmarks are safe. You can keep reading.</source>
        <translation>Handbook Reader tuvo un problema, pero sus marcadores están a salvo. Puede seguir leyendo.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="111"/>
        <location filename="../../reader/ui/app.py" line="123"/>
        <source>The handbook could not be opened.</source>
        <extracomment>Loads a handbook in a language, as the session shows it (with the clinic&apos;s details).</extracomment>
        <translation>No se pudo abrir el manual.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="116"/>
        <source>The handbook opened last, “%1”, could not be opened (%2). The handbook that comes with the reader is open instead.</source>
        <translation>No se pudo abrir el último manual abierto, “%1” (%2). Se ha abierto en su lugar el manual que viene con el lector.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/app.py" line="187"/>
        <source>The clinic&apos;s details could not be read (%1). The handbook is shown without them.</source>
        <translation>No se pudieron leer los datos de la clínica (%1). El manual se muestra sin ellos.</translation>
    </message>
</context>
<context>
    <name>BookmarkCommands</name>
    <message>
        <location filename="../../reader/ui/window/bookmarking.py" line="50"/>
        <source>Bookmark removed. Press Ctrl+Z to undo.</source>
        <translation>Marcador quitado. Presione Control+Z para deshacerlo.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/bookmarking.py" line="52"/>
        <source>Bookmarked. Find it under Bookmarks (F10).</source>
        <translation>Sección marcada. La encontrará en Marcadores (F10).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/bookmarking.py" line="67"/>
        <source>Bookmarks</source>
        <translation>Marcadores</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/bookmarking.py" line="87"/>
        <source>Export bookmarks</source>
        <translation>Exportar marcadores</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/bookmarking.py" line="88"/>
        <location filename="../../reader/ui/window/bookmarking.py" line="97"/>
        <source>Bookmarks (*.json)</source>
        <translation>Marcadores (*.json)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/bookmarking.py" line="96"/>
        <source>Import bookmarks</source>
        <translation>Importar marcadores</translation>
    </message>
</context>
<context>
    <name>BookmarksController</name>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="55"/>
        <source>Add Bookmark</source>
        <translation>Agregar marcador</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="68"/>
        <source>Delete Bookmark</source>
        <translation>Borrar marcador</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="105"/>
        <source>Move Bookmark</source>
        <translation>Mover marcador</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="187"/>
        <source>This section is not in the handbook, so it cannot be kept.</source>
        <translation>Esta sección no está en el manual, así que no se puede guardar.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="201"/>
        <source>Rename Bookmark</source>
        <translation>Cambiar el nombre del marcador</translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="204"/>
        <source>Edit Bookmark Note</source>
        <translation>Editar la nota del marcador</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/bookmarks_controller.py" line="251"/>
        <source>Saved %n bookmark(s) to “%1”.</source>
        <translation>
            <numerusform>Se guardó %n marcador en “%1”.</numerusform>
            <numerusform>Se guardaron %n marcadores en “%1”.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="262"/>
        <source>Every bookmark in “%1” was already here.</source>
        <translation>Todos los marcadores de “%1” ya estaban aquí.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/bookmarks_controller.py" line="263"/>
        <source>Added %n new bookmark(s) from “%1”.</source>
        <translation>
            <numerusform>Se agregó %n marcador nuevo de “%1”.</numerusform>
            <numerusform>Se agregaron %n marcadores nuevos de “%1”.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/bookmarks_controller.py" line="319"/>
        <source>Your bookmarks could not be read or saved just now. Nothing was changed.</source>
        <translation>En este momento no se pudieron leer ni guardar sus marcadores. No se cambió nada.</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="158"/>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="159"/>
        <source>Bookmarks</source>
        <extracomment>The buttons&apos; rows are at most this long (two rows of them at the usual sizes). Fewer than this to a row and the buttons give way to one menu button.</extracomment>
        <translation>Marcadores</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="160"/>
        <source>Actions…</source>
        <translation>Acciones…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="162"/>
        <source>Bookmarked sections</source>
        <translation>Secciones marcadas</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="164"/>
        <source>Press Enter to read a section; Alt+Up and Alt+Down change the order.</source>
        <translation>Presione Enter para leer una sección; Alt+Arriba y Alt+Abajo cambian el orden.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="167"/>
        <source>No bookmarks yet. Press Ctrl+D or the star to keep a section here.</source>
        <translation>Todavía no hay marcadores. Presione Control+D o la estrella para guardar aquí una sección.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="169"/>
        <source>No bookmarks yet</source>
        <translation>Todavía no hay marcadores</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="171"/>
        <source>Rename…</source>
        <translation>Cambiar nombre…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="171"/>
        <source>Rename the selected bookmark</source>
        <translation>Cambiar el nombre del marcador elegido</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="172"/>
        <source>Edit Note…</source>
        <translation>Editar nota…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="172"/>
        <source>Write a note for the selected bookmark</source>
        <translation>Escribir una nota para el marcador elegido</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="173"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="173"/>
        <source>Delete the selected bookmark</source>
        <translation>Borrar el marcador elegido</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="174"/>
        <source>Move Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="174"/>
        <source>Move the selected bookmark up (Alt+Up)</source>
        <translation>Subir el marcador elegido (Alt+Arriba)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="176"/>
        <source>Move Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="177"/>
        <source>Move the selected bookmark down (Alt+Down)</source>
        <translation>Bajar el marcador elegido (Alt+Abajo)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="208"/>
        <source>Section no longer in this handbook</source>
        <translation>Esta sección ya no está en el manual</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="297"/>
        <source>Rename Bookmark</source>
        <translation>Cambiar el nombre del marcador</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="297"/>
        <source>Title:</source>
        <translation>Título:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="309"/>
        <source>Bookmark Note</source>
        <translation>Nota del marcador</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="309"/>
        <source>Note:</source>
        <translation>Nota:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="161"/>
        <location filename="../../reader/ui/panels/bookmarks_panel.py" line="352"/>
        <source>Bookmark actions</source>
        <translation>Acciones de los marcadores</translation>
    </message>
</context>
<context>
    <name>ClinicForm</name>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="146"/>
        <location filename="../../reader/ui/clinic_form.py" line="147"/>
        <source>Clinic details</source>
        <translation>Datos de la clínica</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="154"/>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="154"/>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="161"/>
        <source>Card preview</source>
        <translation>Vista previa de la tarjeta</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="162"/>
        <source>Where the details were saved</source>
        <translation>Dónde se guardaron los datos</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="172"/>
        <source>Card preview:</source>
        <translation>Vista previa de la tarjeta:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="219"/>
        <source>Not saved: {reason}</source>
        <translation>No se guardó: {reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="221"/>
        <source>Saved to {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_session.py" line="39"/>
        <source>Clinic details saved to %1.</source>
        <translation>Datos de la clínica guardados en %1.</translation>
    </message>
</context>
<context>
    <name>ContentView</name>
    <message>
        <location filename="../../reader/ui/content_view.py" line="57"/>
        <source>Handbook text</source>
        <extracomment>A page at most this much wider than the view (px) shows no horizontal scroll bar: Qt lays a table that fills the text column out a pixel wider than it (with its header cells&apos; padding), which put a scroll bar under every page with such a table. Take a long page in again a piece at a time (its pieces as given) at its new text size, landing at the paragraph starting with these words; the Navigator feeds it.</extracomment>
        <translation>Texto del manual</translation>
    </message>
    <message>
        <location filename="../../reader/ui/content_view.py" line="59"/>
        <source>The section you are reading. Links and underlined words can be opened.</source>
        <translation>La sección que está leyendo. Puede abrir los enlaces y las palabras subrayadas.</translation>
    </message>
</context>
<context>
    <name>CountdownOverlay</name>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="59"/>
        <source>Still reading?</source>
        <translation>¿Sigue leyendo?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="60"/>
        <location filename="../../reader/ui/kiosk/widgets.py" line="61"/>
        <source>Keep reading</source>
        <translation>Seguir leyendo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="62"/>
        <source>Countdown</source>
        <translation>Cuenta regresiva</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/kiosk/widgets.py" line="66"/>
        <source>Still reading?
Touch the screen to keep reading.
Starting over in %n seconds</source>
        <translation>
            <numerusform>¿Sigue leyendo?
Toque la pantalla para seguir leyendo.
Volveremos al inicio en %n segundo</numerusform>
            <numerusform>¿Sigue leyendo?
Toque la pantalla para seguir leyendo.
Volveremos al inicio en %n segundos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/panels/find_bar.py" line="124"/>
        <source>Find in page:</source>
        <translation>Buscar en la página:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/find_bar.py" line="125"/>
        <source>Find in this page</source>
        <translation>Buscar en esta página</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/find_bar.py" line="126"/>
        <source>Word to find</source>
        <translation>Palabra que busca</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/find_bar.py" line="127"/>
        <source>Previous match</source>
        <translation>Resultado anterior</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/find_bar.py" line="128"/>
        <source>Previous match (Shift+Enter)</source>
        <translation>Resultado anterior (Mayús+Enter)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/find_bar.py" line="129"/>
        <source>Next match</source>
        <translation>Resultado siguiente</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/find_bar.py" line="130"/>
        <source>Next match (Enter)</source>
        <translation>Resultado siguiente (Enter)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/find_bar.py" line="131"/>
        <source>Close find bar</source>
        <translation>Cerrar la barra de búsqueda</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/find_bar.py" line="132"/>
        <source>Close (Escape)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/find_bar.py" line="133"/>
        <source>Number of matches</source>
        <translation>Número de resultados</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/find_bar.py" line="98"/>
        <location filename="../../reader/ui/panels/find_bar.py" line="203"/>
        <source>No matches</source>
        <translation>Sin resultados</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/find_bar.py" line="97"/>
        <location filename="../../reader/ui/panels/find_bar.py" line="205"/>
        <source>%1 of %2</source>
        <extracomment>The box keeps room for this many characters; when the bar is too narrow for that beside its label (Spanish &quot;Buscar en la página:&quot; at 300% on a 1024 px screen left it &quot;Palabr…&quot;), the label moves onto a row of its own above the box.</extracomment>
        <translation>%1 de %2</translation>
    </message>
</context>
<context>
    <name>GlossaryPanel</name>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="148"/>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="149"/>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="150"/>
        <source>Filter words…</source>
        <translation>Buscar una palabra…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="151"/>
        <source>Filter the glossary</source>
        <translation>Buscar en el glosario</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="152"/>
        <source>Type part of a word or an abbreviation, such as GVHD</source>
        <translation>Escriba parte de una palabra o una sigla, por ejemplo GVHD</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="153"/>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="154"/>
        <source>Glossary letters</source>
        <translation>Letras del glosario</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="155"/>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="157"/>
        <source>Words starting with %1</source>
        <translation>Palabras que empiezan con %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="159"/>
        <source>Glossary words, A to Z</source>
        <translation>Palabras del glosario, de la A a la Z</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="160"/>
        <source>No word in the glossary matches.</source>
        <translation>Ninguna palabra del glosario coincide.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="162"/>
        <source>Meaning of the chosen word</source>
        <translation>Significado de la palabra elegida</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="272"/>
        <source>Choose a word from the list to see what it means.</source>
        <translation>Elija una palabra de la lista para ver qué significa.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="274"/>
        <source>This handbook has no glossary.</source>
        <translation>Este manual no tiene glosario.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="287"/>
        <source>Also called:</source>
        <translation>Otros nombres:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="297"/>
        <source>Related words:</source>
        <translation>Palabras relacionadas:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="309"/>
        <source>Appears in:</source>
        <translation>Aparece en:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/glossary_panel.py" line="316"/>
        <source>not used in the chapters yet</source>
        <translation>todavía no aparece en los capítulos</translation>
    </message>
</context>
<context>
    <name>HandbookOpener</name>
    <message>
        <location filename="../../reader/ui/window/open_handbook.py" line="85"/>
        <source>Open &amp;Recent</source>
        <extracomment>Opens a handbook in this window&apos;s place without freezing it: `load` runs in a worker thread, then `opened(handbook)` runs and a new window takes this one&apos;s place, or `failed(error)` runs here. Returns whether it started (not while another opens). Loads the handbook at a path in a language (as the session shows it: with its clinic).</extracomment>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/open_handbook.py" line="86"/>
        <source>Recent handbooks</source>
        <translation>Manuales recientes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/open_handbook.py" line="108"/>
        <source>Open Handbook Folder</source>
        <translation>Abrir carpeta del manual</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/open_handbook.py" line="116"/>
        <source>Open Handbook File</source>
        <translation>Abrir archivo de manual</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/open_handbook.py" line="118"/>
        <source>Handbook files (*.handbook)</source>
        <translation>Archivos de manual (*.handbook)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/open_handbook.py" line="149"/>
        <source>%1 could not be opened as a handbook.</source>
        <translation>%1 no se pudo abrir como manual.</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../reader/ui/window/help_dialog.py" line="27"/>
        <source>Search: type a word in the search box and press Enter.</source>
        <translation>Buscar: escriba una palabra en el cuadro de búsqueda y presione Enter.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/help_dialog.py" line="29"/>
        <source>Find a word on this page.</source>
        <translation>Buscar una palabra en esta página.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/help_dialog.py" line="30"/>
        <source>Underlined words: click one to read what it means in the glossary.</source>
        <translation>Palabras subrayadas: haga clic en una para leer qué quiere decir en el glosario.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/help_dialog.py" line="33"/>
        <source>In the page: Tab and Shift+Tab go link by link (an underlined word only where a section first uses it); Ctrl+Down and Ctrl+Up go heading by heading.</source>
        <translation>En la página: Tabulador y Mayúsculas+Tabulador van de enlace en enlace (una palabra subrayada solo donde una sección la usa por primera vez); Control+Abajo y Control+Arriba van de título en título.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/help_dialog.py" line="38"/>
        <source>Move between sections, and back to where you were.</source>
        <translation>Pasar de una sección a otra, y volver a donde estaba.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/help_dialog.py" line="40"/>
        <source>Bookmark this section, and see your bookmarks.</source>
        <translation>Marcar esta sección y ver sus marcadores.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/help_dialog.py" line="42"/>
        <source>Make the text bigger or smaller.</source>
        <translation>Hacer el texto más grande o más pequeño.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/help_dialog.py" line="43"/>
        <source>Print, or save pages as a PDF to take home.</source>
        <translation>Imprimir, o guardar páginas como PDF para llevar a casa.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/help_dialog.py" line="52"/>
        <source>How to use this reader</source>
        <translation>Cómo usar este lector</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/help_dialog.py" line="72"/>
        <source>All keys</source>
        <translation>Todas las teclas</translation>
    </message>
</context>
<context>
    <name>KioskPrinting</name>
    <message>
        <location filename="../../reader/ui/kiosk/policy.py" line="55"/>
        <source>Printed: 1 page. Please take it from the printer.</source>
        <extracomment>The side panels&apos; first widths on a touch layout: room for larger tab labels.</extracomment>
        <translation>Impreso: 1 página. Recójala en la impresora.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/policy.py" line="56"/>
        <source>Printed: %1 pages. Please take them from the printer.</source>
        <translation>Impreso: %1 páginas. Recójalas en la impresora.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/policy.py" line="58"/>
        <source>Saved to the USB drive: 1 page.</source>
        <translation>Guardado en la memoria USB: 1 página.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/policy.py" line="60"/>
        <source>Saved to the USB drive: %1 pages.</source>
        <translation>Guardado en la memoria USB: %1 páginas.</translation>
    </message>
</context>
<context>
    <name>KioskShell</name>
    <message>
        <location filename="../../reader/ui/kiosk/printing.py" line="22"/>
        <source>The printer “%1” is not available. Please ask at the desk.</source>
        <translation>La impresora “%1” no está disponible. Por favor, pregunte en recepción.</translation>
    </message>
    <message>
        <source>Printing is turned off on this computer.</source>
        <translation type="vanished">La impresión está desactivada en esta computadora.</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../reader/ui/window/language.py" line="26"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/language_button.py" line="39"/>
        <location filename="../../reader/ui/window/language.py" line="37"/>
        <source>Read the handbook in %1</source>
        <translation>Leer el manual en %1</translation>
    </message>
</context>
<context>
    <name>LanguageFields</name>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="72"/>
        <source>Hospital or clinic name</source>
        <translation>Nombre del hospital o la clínica</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="73"/>
        <source>Daytime number</source>
        <translation>Teléfono de día</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="74"/>
        <source>24-hour number</source>
        <translation>Teléfono de 24 horas</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="75"/>
        <source>In an emergency (what to do, where to go)</source>
        <translation>En una emergencia (qué hacer, adónde ir)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="76"/>
        <source>Fever threshold (°C and/or °F)</source>
        <translation>Temperatura que cuenta como fiebre (°C o °F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="77"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="78"/>
        <source>Interpreter line</source>
        <translation>Línea de intérpretes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="79"/>
        <source>Local patient group</source>
        <translation>Grupo local de pacientes</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="80"/>
        <source>Team (one person a line: name; role)</source>
        <translation>Equipo (una persona por línea: nombre; función)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/clinic_form.py" line="81"/>
        <source>Notes (Markdown: no HTML, pictures or links)</source>
        <translation>Notas (Markdown: sin HTML, imágenes ni enlaces)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/window/chrome.py" line="51"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/chrome.py" line="52"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edición</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/chrome.py" line="53"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/chrome.py" line="54"/>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/chrome.py" line="55"/>
        <source>&amp;Bookmarks</source>
        <translation>&amp;Marcadores</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/chrome.py" line="56"/>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/chrome.py" line="57"/>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="310"/>
        <source>Contents</source>
        <translation>Índice</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="311"/>
        <source>Search results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/comfort.py" line="125"/>
        <source>Search the handbook (Ctrl+K)</source>
        <translation>Buscar en el manual (Control+K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="313"/>
        <location filename="../../reader/ui/window/comfort.py" line="123"/>
        <source>Search the handbook</source>
        <translation>Buscar en el manual</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="315"/>
        <source>Type a word or question. Spelling mistakes are forgiven.</source>
        <translation>Escriba una palabra o una pregunta. No importa si hay faltas de ortografía.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="317"/>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
    <message>
        <location filename="../../reader/ui/mainwindow.py" line="318"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/dialogs.py" line="89"/>
        <source>Link outside the handbook</source>
        <translation>Enlace fuera del manual</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/dialogs.py" line="90"/>
        <source>This link leads outside the handbook:

%1

It can&apos;t be opened on this computer.</source>
        <translation>Este enlace lleva fuera del manual:

%1

No se puede abrir en esta computadora.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/dialogs.py" line="99"/>
        <source>Open a web page?</source>
        <translation>¿Abrir una página web?</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/dialogs.py" line="100"/>
        <source>This link leads to a web page outside the handbook:

%1

Open it in your web browser? This needs an internet connection.</source>
        <translation>Este enlace lleva a una página web fuera del manual:

%1

¿Quiere abrirla en su navegador? Para esto necesita conexión a internet.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/dialogs.py" line="42"/>
        <source>About %1</source>
        <translation>Acerca de %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/dialogs.py" line="54"/>
        <source>&lt;p&gt;An offline reader for family handbooks.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Un lector de manuales para familias que funciona sin internet.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/chrome.py" line="171"/>
        <source>Side panels</source>
        <translation>Paneles laterales</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/dock_title.py" line="70"/>
        <source>Choose another panel on this side</source>
        <translation>Elegir otro panel de este lado</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/dock_title.py" line="73"/>
        <source>Close %1</source>
        <translation>Cerrar %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/review.py" line="22"/>
        <source>Reviewed %1: check with your care team.</source>
        <translation>Revisado en %1: consulte con su equipo médico.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/signature.py" line="17"/>
        <source>Not signed</source>
        <translation>Sin firma</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/signature.py" line="19"/>
        <source>Signed by %1</source>
        <translation>Firmado por %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/signature.py" line="20"/>
        <source>Signed by an unknown publisher (key %1)</source>
        <translation>Firmado por un editor desconocido (clave %1)</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <location filename="../../reader/ui/window/navigation.py" line="103"/>
        <source>That section is not in this handbook.</source>
        <extracomment>Where the reader left off last time: a section id and how far down (0..1), or None. The current section changed (its id). The status line&apos;s new text (chapter N of M, its title, the section). Whether Back and Forward can be used now. A passing message for the status bar, and how long it stays (ms; 0 until replaced). A chapter&apos;s page is wholly in the view (its id): find-in-page searches it again.</extracomment>
        <translation>Esa sección no está en este manual.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/navigation.py" line="170"/>
        <source>This chapter could not be shown.</source>
        <translation>No se pudo mostrar este capítulo.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/navigation.py" line="186"/>
        <source>Adjusting the page… %1%</source>
        <translation>Ajustando la página… %1%</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/navigation.py" line="188"/>
        <source>Opening the chapter… %1%</source>
        <translation>Abriendo el capítulo… %1%</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/navigation.py" line="290"/>
        <source>Chapter %1 of %2: %3</source>
        <translation>Capítulo %1 de %2: %3</translation>
    </message>
</context>
<context>
    <name>OnScreenKeyboard</name>
    <message>
        <location filename="../../reader/ui/kiosk/keyboard.py" line="87"/>
        <source>On-screen keyboard</source>
        <translation>Teclado en pantalla</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/keyboard.py" line="89"/>
        <source>Delete</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/keyboard.py" line="90"/>
        <source>Capital letter</source>
        <translation>Mayúscula</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/keyboard.py" line="91"/>
        <source>Space</source>
        <translation>Espacio</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/keyboard.py" line="92"/>
        <location filename="../../reader/ui/kiosk/keyboard.py" line="98"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/keyboard.py" line="93"/>
        <source>Hide the keyboard</source>
        <translation>Ocultar el teclado</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/keyboard.py" line="94"/>
        <source>Spanish keyboard</source>
        <translation>Teclado en español</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/keyboard.py" line="96"/>
        <source>English keyboard</source>
        <translation>Teclado en inglés</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/keyboard.py" line="99"/>
        <source>space</source>
        <translation>espacio</translation>
    </message>
</context>
<context>
    <name>PaneCycle</name>
    <message>
        <location filename="../../reader/ui/window/keyboard.py" line="66"/>
        <location filename="../../reader/ui/window/keyboard.py" line="67"/>
        <source>More tools</source>
        <extracomment>The access key in a menu text: the character after a single &quot;&amp;&quot;.</extracomment>
        <translation>Más herramientas</translation>
    </message>
</context>
<context>
    <name>Pdf</name>
    <message>
        <location filename="../../reader/pdf/compose.py" line="81"/>
        <source>The complete handbook</source>
        <translation>El manual completo</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/compose.py" line="82"/>
        <source>Take-home packet</source>
        <translation>Paquete para llevar a casa</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/compose.py" line="83"/>
        <source>Selected sections</source>
        <translation>Secciones elegidas</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/compose.py" line="84"/>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/compose.py" line="85"/>
        <source>Hard words used in this handbook, explained in plain language.</source>
        <translation>Las palabras difíciles de este manual, explicadas con palabras sencillas.</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/compose.py" line="88"/>
        <source>The hard words used in these pages, explained in plain language.</source>
        <translation>Las palabras difíciles de estas páginas, explicadas con palabras sencillas.</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/compose.py" line="91"/>
        <source>Also called:</source>
        <translation>Otros nombres:</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/compose.py" line="92"/>
        <source>in the full handbook</source>
        <translation>en el manual completo</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/compose.py" line="93"/>
        <source>“{title}” in the full handbook</source>
        <translation>«{title}» en el manual completo</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/compose.py" line="313"/>
        <source>Write down your questions, and the answers your care team gives.</source>
        <translation>Anote sus preguntas y las respuestas que le dé su equipo médico.</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/compose.py" line="350"/>
        <source>Notes and questions</source>
        <translation>Notas y preguntas</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/save.py" line="82"/>
        <source>a device</source>
        <translation>un dispositivo</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/save.py" line="83"/>
        <source>a named pipe</source>
        <translation>una tubería con nombre</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/save.py" line="84"/>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/save.py" line="85"/>
        <source>a link loop</source>
        <translation>un bucle de enlaces</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/save.py" line="86"/>
        <source>a link to nothing</source>
        <translation>un enlace que no lleva a nada</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/save.py" line="88"/>
        <source>Could not write the PDF: {path} is {what}, not a file, so it was left alone.</source>
        <translation>No se pudo guardar el PDF: {path} es {what}, no un archivo, así que no se tocó.</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/save.py" line="96"/>
        <location filename="../../reader/pdf/save.py" line="97"/>
        <source>the disk is full</source>
        <translation>el disco está lleno</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/save.py" line="98"/>
        <source>the file is too large for this disk</source>
        <translation>el archivo es demasiado grande para este disco</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/save.py" line="99"/>
        <source>the disk is read-only</source>
        <translation>el disco es de solo lectura</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/save.py" line="100"/>
        <location filename="../../reader/pdf/save.py" line="101"/>
        <source>you may not save files in that folder</source>
        <translation>no tiene permiso para guardar archivos en esa carpeta</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/save.py" line="104"/>
        <source>there is a folder with that name</source>
        <translation>ya hay una carpeta con ese nombre</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/compose.py" line="227"/>
        <location filename="../../reader/pdf/compose.py" line="311"/>
        <source>Contents</source>
        <translation>Índice</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/save.py" line="106"/>
        <source>the folder does not exist</source>
        <translation>la carpeta no existe</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/save.py" line="109"/>
        <source>Could not write the PDF: {reason} ({path}).</source>
        <translation>No se pudo guardar el PDF: {reason} ({path}).</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/cover.py" line="63"/>
        <source>Printed on {date}</source>
        <translation>Impreso el {date}</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/compose.py" line="255"/>
        <source>Could not start printing: the printer is not ready.</source>
        <translation>No se pudo empezar a imprimir: la impresora no está lista.</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/compose.py" line="297"/>
        <source>Page {n} of {m}</source>
        <translation>Página {n} de {m}</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/cover.py" line="59"/>
        <source>Source: {source}</source>
        <translation>Fuente: {source}</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/cover.py" line="109"/>
        <source>Reviewed {month}: check with your care team</source>
        <translation>Revisado en {month}: consulte con su equipo médico</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/compose.py" line="368"/>
        <source>Could not make the PDF: the handbook folder is no longer there ({path}). Was it moved, or its USB stick taken out? Open it again, then print.</source>
        <translation>No se pudo crear el PDF: la carpeta del manual ya no está ({path}). ¿Se movió, o se quitó la memoria USB? Vuelva a abrir el manual y luego imprima.</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/flows.py" line="92"/>
        <source>Could not make the PDF: its “{title}” would be longer than a printout can lay out (about {pages} pages). Print fewer chapters or sections at a time.</source>
        <translation>No se pudo crear el PDF: su “{title}” sería más largo de lo que una impresión puede componer (unas {pages} páginas). Imprima menos capítulos o secciones a la vez.</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/flows.py" line="100"/>
        <source>Could not make the PDF: “{title}” has one paragraph, list or table of {length} characters, more than a printout can hold (at most {limit}). Print the other chapters, or split it into shorter paragraphs in the handbook.</source>
        <translation>No se pudo crear el PDF: “{title}” tiene un párrafo, una lista o una tabla de {length} caracteres, más de lo que cabe en una impresión (como máximo {limit}). Imprima los otros capítulos, o divídalo en párrafos más cortos en el manual.</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/composer.py" line="31"/>
        <source>Cancelled. Nothing was saved.</source>
        <translation>Cancelado. No se guardó nada.</translation>
    </message>
    <message>
        <location filename="../../reader/pdf/request.py" line="82"/>
        <source>Choose at least one section to print.</source>
        <translation>Elija al menos una sección para imprimir.</translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <location filename="../../reader/ui/page_pictures.py" line="63"/>
        <source>[Picture: {alt}]</source>
        <translation>[Imagen: {alt}]</translation>
    </message>
    <message>
        <location filename="../../reader/ui/page_pictures.py" line="65"/>
        <source>[Picture not available]</source>
        <translation>[Imagen no disponible]</translation>
    </message>
</context>
<context>
    <name>PrintController</name>
    <message>
        <location filename="../../reader/ui/window/printing.py" line="257"/>
        <source>Saved %1 (%2 pages).</source>
        <translation>Guardado: %1 (páginas: %2).</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/printing.py" line="289"/>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/printing.py" line="291"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="86"/>
        <source>Export PDF / Print</source>
        <extracomment>The scopes in the order the dialog offers them (&quot;This section&quot; is SECTIONS with one id).</extracomment>
        <translation>Exportar PDF / Imprimir</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="87"/>
        <source>Export PDF or print</source>
        <translation>Exportar PDF o imprimir</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="110"/>
        <source>Include a glossary of the words used</source>
        <translation>Incluir un glosario de las palabras usadas</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="111"/>
        <source>Include a glossary</source>
        <translation>Incluir un glosario</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="114"/>
        <source>Add a page for notes and questions</source>
        <translation>Añadir una página para notas y preguntas</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="115"/>
        <source>Add a notes page</source>
        <translation>Añadir una página de notas</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="117"/>
        <source>A last page with ruled lines, to write down questions for the care team</source>
        <translation>Una última página con renglones, para anotar preguntas para el equipo médico</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="122"/>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="123"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="124"/>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="126"/>
        <source>Paper size:</source>
        <translation>Tamaño del papel:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="175"/>
        <source>Progress of the printout</source>
        <translation>Avance de la impresión</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="177"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="178"/>
        <source>Cancel the printout</source>
        <translation>Cancelar la impresión</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="154"/>
        <source>Print status</source>
        <translation>Estado de la impresión</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="191"/>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="192"/>
        <source>Open the saved PDF</source>
        <translation>Abrir el PDF guardado</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="193"/>
        <source>Show in Folder</source>
        <translation>Mostrar en la carpeta</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="194"/>
        <source>Show the PDF&apos;s folder</source>
        <translation>Mostrar la carpeta del PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="212"/>
        <location filename="../../reader/ui/print_dialog.py" line="213"/>
        <source>What to print</source>
        <translation>Qué imprimir</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="217"/>
        <source>This section</source>
        <translation>Esta sección</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="218"/>
        <source>This chapter</source>
        <translation>Este capítulo</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="219"/>
        <source>The whole handbook</source>
        <translation>Todo el manual</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="220"/>
        <source>A take-home packet of sections I choose</source>
        <translation>Un paquete para llevar a casa, con las secciones que yo elija</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="235"/>
        <source>Sections for the take-home packet</source>
        <translation>Secciones del paquete para llevar a casa</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="247"/>
        <source>Introduction</source>
        <translation>Introducción</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="260"/>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="261"/>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="262"/>
        <source>Preview</source>
        <translation>Vista previa</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="263"/>
        <location filename="../../reader/ui/window/print_paper.py" line="77"/>
        <source>Print preview</source>
        <translation>Vista previa de la impresión</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="264"/>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="265"/>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <location filename="../../reader/ui/print_dialog.py" line="266"/>
        <location filename="../../reader/ui/print_dialog.py" line="267"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n page(s) to the printer.</source>
        <translation type="vanished">
            <numerusform>Se envió %n página a la impresora.</numerusform>
            <numerusform>Se enviaron %n páginas a la impresora.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tick at least one section for the packet.</source>
        <translation type="vanished">Marque al menos una sección para el paquete.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/printing.py" line="125"/>
        <source>Saving…</source>
        <extracomment>Names the file a save writes: the policy&apos;s folder, else a save dialog (a test puts its own here).</extracomment>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/printing.py" line="207"/>
        <source>Preparing…</source>
        <translation>Preparando…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/print_paper.py" line="45"/>
        <source>Sent 1 page to the printer.</source>
        <translation>Se envió 1 página a la impresora.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/print_paper.py" line="46"/>
        <source>Sent %1 pages to the printer.</source>
        <translation>Se enviaron %1 páginas a la impresora.</translation>
    </message>
</context>
<context>
    <name>PrintJob</name>
    <message>
        <location filename="../../reader/ui/window/print_job.py" line="56"/>
        <source>Could not make the PDF. Please try again.</source>
        <extracomment>The work: given the job&apos;s stop flag and a progress callback, returns the result.</extracomment>
        <translation>No se pudo crear el PDF. Inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>ReadAloudBar</name>
    <message>
        <location filename="../../reader/ui/read_aloud/bar.py" line="85"/>
        <source>Read aloud</source>
        <translation>Lectura en voz alta</translation>
    </message>
    <message>
        <location filename="../../reader/ui/read_aloud/bar.py" line="86"/>
        <source>&amp;Speed:</source>
        <translation>&amp;Velocidad:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/read_aloud/bar.py" line="87"/>
        <source>Speed</source>
        <translation>Velocidad</translation>
    </message>
    <message>
        <location filename="../../reader/ui/read_aloud/bar.py" line="88"/>
        <source>Reading speed</source>
        <translation>Velocidad de lectura</translation>
    </message>
    <message>
        <location filename="../../reader/ui/read_aloud/bar.py" line="89"/>
        <source>How fast the voice reads (1× is normal)</source>
        <translation>Lo rápido que lee la voz (1× es lo normal)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/read_aloud/bar.py" line="90"/>
        <source>Read aloud status</source>
        <translation>Estado de la lectura en voz alta</translation>
    </message>
</context>
<context>
    <name>ReadAloudController</name>
    <message>
        <location filename="../../reader/ui/read_aloud/controller.py" line="191"/>
        <source>Getting the voice ready…</source>
        <extracomment>Quiet time after the first paint before the voice loads in the background (ms). The loaded Piper voice costs about 150 MB (measured); loading it at the first Listen made families wait about 2 s (&quot;Getting the voice ready…&quot;), so every window, desktop or kiosk, loads it once it is idle (README, &quot;Read aloud&quot;).</extracomment>
        <translation>Preparando la voz…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/read_aloud/controller.py" line="249"/>
        <source>No sound: this computer has no speaker or sound card that works. The sentences are still marked as they would be read.</source>
        <translation>Sin sonido: esta computadora no tiene bocinas ni tarjeta de sonido que funcionen. Las frases se marcan de todos modos, al ritmo en que se leerían.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/read_aloud/controller.py" line="252"/>
        <source>Reading aloud</source>
        <translation>Leyendo en voz alta</translation>
    </message>
    <message>
        <location filename="../../reader/ui/read_aloud/controller.py" line="256"/>
        <source>Cannot read aloud: %1</source>
        <translation>No se puede leer en voz alta: %1</translation>
    </message>
</context>
<context>
    <name>ReadingComfort</name>
    <message>
        <location filename="../../reader/ui/window/comfort.py" line="112"/>
        <source>Text size %1%</source>
        <translation>Tamaño del texto: %1%</translation>
    </message>
</context>
<context>
    <name>SearchCommands</name>
    <message>
        <location filename="../../reader/ui/window/searching.py" line="235"/>
        <source>Found in “%1”, “%2”.</source>
        <translation>Encontrado en “%1”, “%2”.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/searching.py" line="239"/>
        <source>%1 matches highlighted on this page.</source>
        <translation>Resultados resaltados en esta página: %1.</translation>
    </message>
</context>
<context>
    <name>SearchIndexLoader</name>
    <message>
        <location filename="../../reader/ui/window/searching.py" line="79"/>
        <source>Search is not available right now.</source>
        <extracomment>How long shutting down waits for a worker still opening the index (seconds); past it the daemon worker is left to finish and its index is closed as soon as it is made. A result scrolls up to its section&apos;s title when the snippet then sits no lower than this share of the view&apos;s height.</extracomment>
        <translation>La búsqueda no está disponible en este momento.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="175"/>
        <source>Search results panel</source>
        <translation>Panel de resultados de búsqueda</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="176"/>
        <source>Search results</source>
        <translation>Resultados de búsqueda</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="177"/>
        <source>Search message</source>
        <translation>Mensaje de la búsqueda</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="211"/>
        <source>Preparing search…</source>
        <translation>Preparando la búsqueda…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="231"/>
        <source>Glossary</source>
        <translation>Glosario</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/panels/search_panel.py" line="246"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n resultado</numerusform>
            <numerusform>%n resultados</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="252"/>
        <source>No results for “%1”. Try:</source>
        <translation>No hay resultados para “%1”. Pruebe:</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="259"/>
        <source>No results for “%1”. Try fewer words, or check the spelling.</source>
        <translation>No hay resultados para “%1”. Pruebe con menos palabras o revise la ortografía.</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/search_panel.py" line="263"/>
        <source>Did you mean: %1?</source>
        <translation>¿Quiso decir: %1?</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../reader/ui/handbook_load.py" line="79"/>
        <source>Opening the handbook…</source>
        <extracomment>Reads a handbook (called in the worker thread; must not touch widgets).</extracomment>
        <translation>Abriendo el manual…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/session.py" line="318"/>
        <source>The handbook could not be opened.</source>
        <extracomment>The pause between the steps of putting a new window in place (ms). Not 0: Qt runs zero-delay calls before timers and input in the same turn, so the steps would run back to back; a real timer lets what waits (a key press, a repaint) in between. Told why a handbook could not be opened (the old window stays and says it). The new window (a MainWindow) is in place and shown; the old one is closed. What the place adds around each new window (menus, a kiosk shell); set by whoever opened the session, run for the first window and for every replacement. The kiosk shell dressing the window, on a kiosk (reader/ui/kiosk/). The handbook being loaded, or the window being put in place (one at a time). The clinic file in use (reader/clinic/) and its details; every handbook this session opens carries them.</extracomment>
        <translation>No se pudo abrir el manual.</translation>
    </message>
</context>
<context>
    <name>TextSizeButtons</name>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="224"/>
        <source>Text size</source>
        <translation>Tamaño del texto</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="225"/>
        <location filename="../../reader/ui/kiosk/widgets.py" line="226"/>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <location filename="../../reader/ui/kiosk/widgets.py" line="227"/>
        <location filename="../../reader/ui/kiosk/widgets.py" line="228"/>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
</context>
<context>
    <name>TocTree</name>
    <message>
        <location filename="../../reader/ui/panels/toc_tree.py" line="27"/>
        <source>Contents</source>
        <translation>Índice</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/toc_tree.py" line="28"/>
        <source>Chapters and sections of the handbook</source>
        <translation>Capítulos y secciones del manual</translation>
    </message>
</context>
</TS>
