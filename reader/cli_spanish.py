"""The command line's help and usage errors in Spanish: every sub-command's and option's
help, argparse's own words, and the usage errors argparse writes.

English is the key, exactly as the code and argparse write it (Python 3.11 to 3.13);
what is not here stays English. Flag names, metavars and sub-command names are never
translated: they are what a family types.
"""

from __future__ import annotations

import re

# Help and description texts, from reader/cli.py, reader/commands/__init__.py and each
# sub-command's add_arguments, plus the words argparse adds itself.
HELP: dict[str, str] = {
    "usage: ": "uso: ",
    "(try: {prog} --help)": "(pruebe: {prog} --lang es --help)",
    "positional arguments": "argumentos",
    "options": "opciones",
    "show this help message and exit": "muestra esta ayuda y termina",
    "Read, search and print a family handbook, offline.": (
        "Leer, buscar e imprimir un manual para familias, sin conexión a Internet."
    ),
    "handbook folder, mkdocs.yml or .handbook file to open (default: the bundled one)": (
        "carpeta del manual, mkdocs.yml o archivo .handbook que se abre"
        " (si no se indica: el manual incluido)"
    ),
    "language of the handbook and the interface: en or es": (
        "idioma del manual y de la interfaz: en (inglés) o es (español)"
    ),
    "the clinic's own details (clinic.toml; default: the system's, then the user's)": (
        "los datos propios de la clínica (clinic.toml; si no se indica: el del sistema,"
        " luego el del usuario)"
    ),
    "show which clinic file is used (clinic.toml) and the details it gives": (
        "muestra qué archivo de la clínica (clinic.toml) se usa y los datos que da"
    ),
    "run as a shared kiosk": "funcionar como quiosco compartido",
    "kiosk: seconds without input before the visit is reset (default 180)": (
        "quiosco: segundos sin uso antes de empezar de nuevo la visita (180 si no se indica)"
    ),
    "show versions and exit": "muestra las versiones y termina",
    "list the chapters and sections": "muestra los capítulos y las secciones",
    "print one section (or a whole chapter) as text or HTML": (
        "muestra una sección (o un capítulo entero) como texto o HTML"
    ),
    "search the handbook (misspellings and British spellings are fine)": (
        "busca en el manual (no importan las faltas de ortografía ni los acentos)"
    ),
    "explain the hard words: the whole glossary, or one term": (
        "explica las palabras difíciles: todo el glosario o un término"
    ),
    "check a handbook folder for broken links, missing pictures and unsafe HTML": (
        "revisa una carpeta de manual: enlaces rotos, imágenes que faltan y HTML inseguro"
    ),
    "pack a handbook folder into one .handbook file the reader opens as it is": (
        "empaqueta una carpeta de manual en un solo archivo .handbook que el lector abre tal cual"
    ),
    "make a private key for signing .handbook files (`pack --sign`), and show its public key": (
        "crea una clave privada para firmar archivos .handbook (`pack --sign`) y muestra"
        " su clave pública"
    ),
    "save the handbook, a chapter or chosen sections as a PDF": (
        "guarda como PDF el manual, un capítulo o las secciones que elija"
    ),
    "speak a section into a WAV file (with --json: the sentence timings)": (
        "lee en voz alta una sección y la guarda en un archivo WAV"
        " (con --json: los tiempos de cada frase)"
    ),
    "set the kiosk administrator PIN (stored as a salted hash, never as the PIN)": (
        "fija el PIN de administración del quiosco (se guarda como hash con sal, nunca el PIN)"
    ),
    "print JSON": "muestra el resultado en JSON",
    "for example how-it-works": "por ejemplo how-it-works",
    'for example "bone marrow"': 'por ejemplo "médula ósea"',
    "at most N results": "como máximo N resultados",
    "a term or abbreviation, for example GVHD": "un término o una sigla, por ejemplo EICH",
    "the handbook folder": "la carpeta del manual",
    "the file to write": "el archivo que se escribe",
    "sign the file with this private key (made by `handbook-reader pack-key`)": (
        "firma el archivo con esta clave privada (creada con `handbook-reader pack-key`)"
    ),
    "where to write the private key": "dónde se guarda la clave privada",
    "the PDF file to write": "el archivo PDF que se escribe",
    "the whole handbook with its glossary (default)": (
        "todo el manual con su glosario (si no se indica otra cosa)"
    ),
    "one chapter, by its id (see: toc)": "un capítulo, por su id (vea: toc)",
    "a section for a take-home packet; repeat for more": (
        "una sección para un paquete para llevar a casa; repítalo para agregar más"
    ),
    "add a glossary of the hard words the printed sections use": (
        "agrega un glosario de las palabras difíciles de las secciones impresas"
    ),
    "paper size (default: the one the system's country uses, as the window does)": (
        "tamaño del papel (si no se indica: el que se usa en el país del sistema,"
        " como en la ventana)"
    ),
    "add a last page with ruled lines for notes and questions": (
        "agrega al final una página con renglones para notas y preguntas"
    ),
    "the WAV file to write": "el archivo WAV que se escribe",
    "speed (default 1)": "velocidad (1 si no se indica)",
    "print the sentence timings as JSON": "muestra en JSON los tiempos de cada frase",
}

# Texts with a part that varies (a path), and argparse's usage errors. The groups are
# kept as written: they hold the names the reader typed.
PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^kiosk\.toml to update \(default: the user's; system-wide: (.*)\)$"),
        "el kiosk.toml que se cambia (si no se indica: el del usuario; para todo el equipo: {0})",
    ),
    (
        re.compile(r"^the following arguments are required: (.*)$"),
        "faltan estos argumentos obligatorios: {0}",
    ),
    (re.compile(r"^unrecognized arguments: (.*)$"), "argumentos no reconocidos: {0}"),
    (
        re.compile(r"^one of the arguments (.*) is required$"),
        "se necesita uno de estos argumentos: {0}",
    ),
    (
        re.compile(r"^ambiguous option: (.*) could match (.*)$"),
        "opción ambigua: {0} puede ser {1}",
    ),
    (
        re.compile(r"^argument (.*?): invalid choice: (.*) \(choose from (.*)\)$"),
        "argumento {0}: valor no válido: {1} (elija entre {2})",
    ),
    (re.compile(r"^argument (.*?): expected one argument$"), "argumento {0}: falta su valor"),
    (
        re.compile(r"^argument (.*?): expected at least one argument$"),
        "argumento {0}: necesita al menos un valor",
    ),
    (
        re.compile(r"^argument (.*?): expected at most one argument$"),
        "argumento {0}: admite como máximo un valor",
    ),
    (
        re.compile(r"^argument (.*?): invalid int value: (.*)$"),
        "argumento {0}: no es un número entero: {1}",
    ),
    (
        re.compile(r"^argument (.*?): not allowed with argument (.*)$"),
        "argumento {0}: no se puede usar junto con {1}",
    ),
    (
        re.compile(r"^argument (.*?): ignored explicit argument (.*)$"),
        "argumento {0}: se ignoró el valor {1}",
    ),
    (re.compile(r"^argument (.*?): not a number: (.*)$"), "argumento {0}: no es un número: {1}"),
    (
        re.compile(r"^argument (.*?): the speed must be from 0\.75 to 1\.5 \(1 is normal\)$"),
        "argumento {0}: la velocidad debe estar entre 0.75 y 1.5 (1 es la normal)",
    ),
)


def spanish(text: str) -> str:
    """`text` in Spanish when it is one we know, else as it is."""
    if text in HELP:
        return HELP[text]
    for pattern, template in PATTERNS:
        if match := pattern.match(text):
            return template.format(*match.groups())
    return text
