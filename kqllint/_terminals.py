"""The regular expressions of grammar terminals, as lark builds them (generated: do not edit).

Written by `python3 tools/gen_terminals.py` from grammar/*.lark; tests/test_heads.py fails when
it is stale. Scanners use these instead of `grammar.terminal_regex`, which needs lark.
"""

# grammar/script.lark LINE
SCRIPT_LINE = '[ \t\x0c\\v]*(?=[^ \t\r\n\x0c\\v])(?:(?:(?:@?```[^`]*(?:`(?!``)[^`]*)*(?:```|\\Z)|@?~~~[^~]*(?:~(?!~~)[^~]*)*(?:~~~|\\Z))|(?:@\'(?:[^\'\r\n]|\'\')*\'?|@"(?:[^"\r\n]|"")*"?)|\\/\\/[^\r\n]*|(?:\'(?:[^\'\\\\\r\n]|\\\\.)*\'?|"(?:[^"\\\\\r\n]|\\\\.)*"?)|[^\r\n\'"`~@\\/]+|[^\r\n]))+'
# grammar/script.lark COMMAND_START
SCRIPT_COMMAND_START = '\\.[ \t\x0c\\v]*[A-Za-z_]'
# grammar/script.lark ITEM
SCRIPT_ITEM = '(?:(?:@?```[^`]*(?:`(?!``)[^`]*)*(?:```|\\Z)|@?~~~[^~]*(?:~(?!~~)[^~]*)*(?:~~~|\\Z))|(?:@\'(?:[^\'\r\n]|\'\')*\'?|@"(?:[^"\r\n]|"")*"?)|\\/\\/[^\r\n]*|(?:\'(?:[^\'\\\\\r\n]|\\\\.)*\'?|"(?:[^"\\\\\r\n]|\\\\.)*"?)|[^\r\n\'"`~@\\/]+|[^\r\n])'
# grammar/command.lark STRING
STRING = '[hH]?(?:\'(?:[^\'\\\\\r\n]|\\\\.)*\'|"(?:[^"\\\\\r\n]|\\\\.)*"|@\'(?:[^\'\r\n]|\'\')*\'|@"(?:[^"\r\n]|"")*"|@?```[^`]*(?:`(?!``)[^`]*)*```|@?~~~[^~]*(?:~(?!~~)[^~]*)*~~~)'
# grammar/command.lark WORD
WORD = '[^\\s\\[\\]{}()\'"`~|;,\\/\\\\=<>!@]+'
# grammar/command.lark BRACKET_NAME
BRACKET_NAME = '(?:\\[[ \t]*\'(?:[^\'\\\\\r\n]|\\\\.)*\'[ \t]*\\]|\\[[ \t]*"(?:[^"\\\\\r\n]|\\\\.)*"[ \t]*\\]|\\[[^\\]\\[\r\n\'"]*\\])'
# grammar/command.lark PARAMETER
PARAMETER = '\\{[^{}\r\n]*\\}'
# grammar/command.lark PATH
PATH = '(?:[^\\s\\[\\]{}()\'"`~|;,\\/\\\\=<>!@]+|\\[[ \t]*\'(?:[^\'\\\\\r\n]|\\\\.)*\'[ \t]*\\]|\\[[ \t]*"(?:[^"\\\\\r\n]|\\\\.)*"[ \t]*\\]|\\[[^\\]\\[\r\n\'"]*\\])+'
# grammar/command.lark TAIL
TAIL = '[|;][\\s\\S]*'
