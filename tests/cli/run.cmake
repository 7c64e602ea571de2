# CTest cli.<CASE>: runs the `xstanza` tool on tests/cli/data/ and tests/vectors/.
#   cmake -DCLI=<xstanza> -DSOURCE_DIR=<repo> -DWORK_DIR=<scratch dir> -DCASE=<case> -P tests/cli/run.cmake
# Cases: check_valid check_seed_typos check_many check_stdin missing_file usage canon other_kinds vectors rules bench
#        version help unknown options_end check_unreadable dump
cmake_minimum_required(VERSION 3.16)
foreach(var CLI SOURCE_DIR WORK_DIR CASE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run.cmake: -D${var}=... is required")
  endif()
endforeach()
set(DATA ${SOURCE_DIR}/tests/cli/data)
set(VECTORS ${SOURCE_DIR}/tests/vectors)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(failures 0)

# Runs the tool in DIR with ARGS (and INPUT as stdin, if given); sets out, err, rc.
function(run)
  cmake_parse_arguments(R "" "DIR;INPUT" "ARGS" ${ARGN})
  if(NOT R_DIR)
    set(R_DIR ${DATA})
  endif()
  set(extra)
  if(R_INPUT)
    set(extra INPUT_FILE ${R_INPUT})
  endif()
  execute_process(COMMAND ${CLI} ${R_ARGS} WORKING_DIRECTORY ${R_DIR} ${extra}
                  OUTPUT_VARIABLE o ERROR_VARIABLE e RESULT_VARIABLE r)
  set(out "${o}" PARENT_SCOPE)
  set(err "${e}" PARENT_SCOPE)
  set(rc "${r}" PARENT_SCOPE)
endfunction()

function(fail what)
  message(SEND_ERROR "${what}")
  math(EXPR n "${failures} + 1")
  set(failures ${n} PARENT_SCOPE)
endfunction()

# The last run exited with RC and printed exactly the concatenation of the remaining arguments.
macro(expect expected_rc label)
  if(${ARGC} EQUAL 3)
    set(expected "${ARGV2}")  # verbatim: ${ARGN} would split at the ';' of "&amp;"
  else()
    string(CONCAT expected ${ARGN})
  endif()
  if(NOT out STREQUAL "${expected}")
    fail("${label}: stdout\n  expected: [${expected}]\n  got:      [${out}]\n  stderr: ${err}")
  endif()
  if(NOT rc STREQUAL "${expected_rc}")
    fail("${label}: exit code ${rc}, expected ${expected_rc} (stderr: ${err})")
  endif()
endmacro()

set(valid_files seed_roster_get.xml seed_roster_result.xml seed_roster_set.xml seed_roster_ack.xml seed_error_fixed.xml)

if(CASE STREQUAL "check_valid")
  foreach(f IN LISTS valid_files)
    run(ARGS check ${f})
    expect(0 "check ${f}" "ok\n")
  endforeach()

elseif(CASE STREQUAL "check_seed_typos")
  # The seed's three typos, one per file, and its two examples verbatim (<id ...> closed by </iq>).
  run(ARGS check seed_typo_root.xml)
  expect(1 "wrong root" "error: not_stanza at byte 0: expected <iq>, <message> or <presence>, found <id>\n")
  run(ARGS check seed_typo_condition.xml)
  expect(1 "misspelt condition" "error: unknown_condition at byte 129: unknown stanza error condition 'feature-not-implementer' (RFC 6120 §8.3.3)\n")
  run(ARGS check seed_typo_namespace.xml)
  expect(1 "misspelt namespace" "error: condition_namespace at byte 129: error condition <feature-not-implemented/> in namespace " "'urn:left:params:xml:ns:xmpp-stanzas', expected 'urn:ietf:params:xml:ns:xmpp-stanzas' (RFC 6120 §8.3.2)\n")
  run(ARGS check seed_example2_verbatim.xml)
  expect(1 "seed example 2" "error: mismatched_tag at byte 211: closing tag </iq> does not match <id>\n")
  run(ARGS check seed_example5_verbatim.xml)
  expect(1 "seed example 5" "error: mismatched_tag at byte 170: closing tag </iq> does not match <id>\n")

elseif(CASE STREQUAL "check_many")
  # One line per file, prefixed with its name; exit 1 if any is invalid.
  run(ARGS check seed_roster_get.xml seed_typo_root.xml seed_roster_ack.xml message.xml)
  expect(1 "mixed files" "seed_roster_get.xml: ok\n" "seed_typo_root.xml: error: not_stanza at byte 0: expected <iq>, <message> or <presence>, found <id>\n" "seed_roster_ack.xml: ok\n" "message.xml: ok\n")
  run(ARGS check ${valid_files})
  set(all "")
  foreach(f IN LISTS valid_files)
    string(APPEND all "${f}: ok\n")
  endforeach()
  expect(0 "all valid" "${all}")
  # The same file twice is checked twice (the parser is reused).
  run(ARGS check seed_typo_condition.xml seed_typo_condition.xml)
  set(line "seed_typo_condition.xml: error: unknown_condition at byte 129: unknown stanza error condition 'feature-not-implementer' (RFC 6120 §8.3.3)\n")
  expect(1 "same file twice" "${line}${line}")

elseif(CASE STREQUAL "check_stdin")
  run(ARGS check - INPUT ${DATA}/seed_roster_result.xml)
  expect(0 "valid on stdin" "ok\n")
  run(ARGS check - INPUT ${DATA}/seed_typo_root.xml)
  expect(1 "invalid on stdin" "error: not_stanza at byte 0: expected <iq>, <message> or <presence>, found <id>\n")
  run(ARGS check seed_roster_get.xml - INPUT ${DATA}/presence.xml)
  expect(0 "file and stdin" "seed_roster_get.xml: ok\n-: ok\n")
  run(ARGS check seed_roster_get.xml - INPUT ${DATA}/seed_typo_root.xml)
  expect(1 "file and invalid stdin" "seed_roster_get.xml: ok\n-: error: not_stanza at byte 0: expected <iq>, <message> or <presence>, found <id>\n")
  file(WRITE ${WORK_DIR}/empty.xml "")
  run(ARGS check - INPUT ${WORK_DIR}/empty.xml)
  if(NOT out MATCHES "^error: empty_input at byte 0: " OR NOT rc EQUAL 1)
    fail("empty stdin: [${out}] rc=${rc}")
  endif()

elseif(CASE STREQUAL "missing_file")
  run(ARGS check does-not-exist.xml)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "cannot read 'does-not-exist.xml'")
    fail("missing file: rc=${rc} stderr=[${err}]")
  endif()
  # Also after a file that was fine: the I/O error wins (exit 2).
  run(ARGS check seed_roster_get.xml does-not-exist.xml)
  if(NOT rc EQUAL 2 OR NOT out STREQUAL "seed_roster_get.xml: ok\n" OR NOT err MATCHES "cannot read")
    fail("missing second file: rc=${rc} stdout=[${out}] stderr=[${err}]")
  endif()
  run(ARGS canon does-not-exist.xml)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "cannot read")
    fail("canon of a missing file: rc=${rc} stderr=[${err}]")
  endif()

elseif(CASE STREQUAL "usage")
  # A mistake: what was wrong, then a short usage hint, on stderr only; exit 2.
  set(hint_all "usage: xstanza COMMAND [OPTIONS] [--] [FILE...]   (COMMAND: check, canon, dump, bench, help)\nRun 'xstanza --help' for more.\n")
  foreach(verb IN ITEMS check canon)
    set(hint_${verb} "usage: xstanza ${verb} [OPTIONS] [--] FILE")
    if(verb STREQUAL "check")
      string(APPEND hint_${verb} "...")
    endif()
    string(APPEND hint_${verb} "\nRun 'xstanza ${verb} --help' for more.\n")
  endforeach()
  foreach(case IN ITEMS "|xstanza: no command given\n${hint_all}"
                        "check|xstanza check: no FILE given\n${hint_check}"
                        "canon|xstanza canon: no FILE given\n${hint_canon}"
                        "canon;a.xml;b.xml|xstanza canon: takes one FILE, got 2\n${hint_canon}"
                        "check;--receiver|xstanza check: no FILE given\n${hint_check}"
                        "frobnicate|xstanza: unknown command 'frobnicate'\n${hint_all}"
                        "help;frobnicate|xstanza: unknown command 'frobnicate'\n${hint_all}")
    string(FIND "${case}" "|" bar)
    string(SUBSTRING "${case}" 0 ${bar} args)
    math(EXPR bar "${bar} + 1")
    string(SUBSTRING "${case}" ${bar} -1 expected_err)
    run(ARGS ${args})
    if(NOT rc EQUAL 2 OR NOT out STREQUAL "" OR NOT err STREQUAL expected_err)
      fail("xstanza ${args}: rc=${rc} stdout=[${out}]\n  stderr:   [${err}]\n  expected: [${expected_err}]")
    endif()
  endforeach()

elseif(CASE STREQUAL "version")
  # The XSTANZA_VERSION_* macros of the umbrella header, exit 0.
  file(STRINGS ${SOURCE_DIR}/include/xstanza/xstanza.hpp lines REGEX "^#define XSTANZA_VERSION_(MAJOR|MINOR|PATCH) ")
  string(REGEX REPLACE ".*MAJOR ([0-9]+).*MINOR ([0-9]+).*PATCH ([0-9]+).*" "\\1.\\2.\\3" version "${lines}")
  run(ARGS --version)
  expect(0 "--version" "xstanza ${version}\n")
  if(NOT err STREQUAL "")
    fail("--version: stderr=[${err}]")
  endif()

elseif(CASE STREQUAL "help")
  # Asked for, a usage goes to stdout with exit 0: the whole one for help, --help, -h; a verb's
  # own for VERB --help, VERB -h, help VERB (bench's does not run the benchmark).
  foreach(args IN ITEMS "help" "--help" "-h" "help;--help" "help;help")
    run(ARGS ${args})
    if(NOT rc EQUAL 0 OR NOT err STREQUAL "" OR NOT out MATCHES "^usage: xstanza COMMAND \\[OPTIONS\\] \\[--\\] \\[FILE...\\]\n")
      fail("xstanza ${args}: rc=${rc} stdout=[${out}] stderr=[${err}]")
    endif()
    foreach(line IN ITEMS "xstanza check \\[OPTIONS\\] \\[--\\] FILE\\.\\.\\." "xstanza canon \\[OPTIONS\\] \\[--\\] FILE "
                          "xstanza dump \\[OPTIONS\\] \\[--\\] FILE\\.\\.\\." "xstanza bench \\[--\\] \\[FILE\\.\\.\\.\\]"
                          "xstanza --version" "--receiver" "--role=server" "\n  --  " "Exit status of check, canon and dump: 0 "
                          "Exit status of bench: 0 ")
      if(NOT out MATCHES "${line}")
        fail("xstanza ${args}: no '${line}' in [${out}]")
      endif()
    endforeach()
  endforeach()
  foreach(case IN ITEMS "check;--help|check \\[OPTIONS\\] \\[--\\] FILE\\.\\.\\." "check;seed_roster_get.xml;-h|check "
                        "canon;-h|canon \\[OPTIONS\\] \\[--\\] FILE\n" "dump;--help|dump \\[OPTIONS\\] \\[--\\] FILE\\.\\.\\."
                        "bench;--help|bench \\[--\\] \\[FILE\\.\\.\\.\\]\n" "bench;-h|bench " "bench;seed_roster_get.xml;--help|bench "
                        "bench;--bogus;--help|bench " "help;bench|bench " "help;dump|dump ")
    string(REPLACE "|" ";" case "${case}")
    list(POP_BACK case synopsis)
    run(ARGS ${case})
    if(NOT rc EQUAL 0 OR NOT err STREQUAL "" OR NOT out MATCHES "^usage: xstanza ${synopsis}" OR out MATCHES "parse rapidxml<0>"
       OR out MATCHES "Commands:")
      fail("xstanza ${case}: rc=${rc} stdout=[${out}] stderr=[${err}]")
    endif()
  endforeach()
  # The exit statuses are in every verb's usage.
  foreach(verb IN ITEMS check canon dump)
    run(ARGS ${verb} --help)
    if(NOT out MATCHES "Exit status: 0 every stanza valid; 1 a stanza invalid; 2 a usage error, or a FILE could\nnot be read")
      fail("xstanza ${verb} --help: no exit statuses in [${out}]")
    endif()
  endforeach()
  run(ARGS bench --help)
  if(NOT out MATCHES "Exit status: 0 done; 1 a stanza failed to parse or serialize")
    fail("xstanza bench --help: no exit statuses in [${out}]")
  endif()

elseif(CASE STREQUAL "unknown")
  # What was wrong, then a short usage hint, on stderr; exit 2. After a verb, the verb says it.
  foreach(pair IN ITEMS "frobnicate|xstanza: unknown command 'frobnicate'\nusage: xstanza COMMAND "
                        "--frobnicate|xstanza: unknown option '--frobnicate'\nusage: xstanza COMMAND "
                        "check;--bogus;seed_roster_get.xml|xstanza check: unknown option '--bogus'\nusage: xstanza check "
                        "check;seed_roster_get.xml;--bogus|xstanza check: unknown option '--bogus'\nusage: xstanza check "
                        "check;--bogus|xstanza check: unknown option '--bogus'\nusage: xstanza check "
                        "check;--role=admin;seed_roster_get.xml|xstanza check: unknown option '--role=admin'\nusage: xstanza check "
                        "bench;--bogus|xstanza bench: unknown option '--bogus'\nusage: xstanza bench "
                        "bench;--receiver|xstanza bench: unknown option '--receiver'\nusage: xstanza bench "
                        "canon;-x;seed_roster_get.xml|xstanza canon: unknown option '-x'\nusage: xstanza canon "
                        "dump;--bogus;seed_roster_get.xml|xstanza dump: unknown option '--bogus'\nusage: xstanza dump ")
    string(REPLACE "|" ";" pair "${pair}")
    list(POP_BACK pair message)
    run(ARGS ${pair})
    if(NOT rc EQUAL 2 OR NOT out STREQUAL "" OR NOT err MATCHES "^${message}")
      fail("xstanza ${pair}: rc=${rc} stdout=[${out}] stderr=[${err}]")
    endif()
  endforeach()
  # The whole of it, once.
  run(ARGS check --bogus)
  set(expected "xstanza check: unknown option '--bogus'\nusage: xstanza check [OPTIONS] [--] FILE...\nRun 'xstanza check --help' for more.\n")
  if(NOT err STREQUAL expected)
    fail("check --bogus: stderr\n  expected: [${expected}]\n  got:      [${err}]")
  endif()

elseif(CASE STREQUAL "options_end")
  # Arguments after the verb are options until '--'; after it, every one is a FILE, even one
  # that starts with '-'.
  file(COPY_FILE ${DATA}/seed_roster_get.xml ${WORK_DIR}/-dash.xml)
  file(COPY_FILE ${DATA}/payment_required.xml ${WORK_DIR}/--receiver)
  run(DIR ${WORK_DIR} ARGS check -- -dash.xml)
  expect(0 "check -- -dash.xml" "ok\n")
  run(DIR ${WORK_DIR} ARGS check --role=client -- -dash.xml --help)
  if(NOT rc EQUAL 2 OR NOT out STREQUAL "-dash.xml: ok\n" OR NOT err STREQUAL "xstanza: cannot read '--help': No such file or directory\n")
    fail("check -- -dash.xml --help: rc=${rc} stdout=[${out}] stderr=[${err}]")
  endif()
  # '--receiver' after '--' is a file (here, payment_required.xml), checked with the sender's rules.
  run(DIR ${WORK_DIR} ARGS check -- --receiver)
  expect(1 "check -- --receiver" "error: unknown_condition at byte 44: unknown stanza error condition 'payment-required' (RFC 6120 §8.3.3)\n")
  run(DIR ${WORK_DIR} ARGS check --receiver -- --receiver)
  expect(0 "check --receiver -- --receiver" "ok\n")
  run(DIR ${WORK_DIR} ARGS canon -- -dash.xml)
  expect(0 "canon -- -dash.xml" "<iq type='get' id='roster1' from='jane@longbourn.lit/garden'><query xmlns='jabber:iq:roster'/></iq>\n")
  # '-' alone is standard input, not an option.
  run(ARGS check - INPUT ${DATA}/seed_roster_get.xml)
  expect(0 "check -" "ok\n")
  # Without '--', a name that starts with '-' is an unknown option, never a file.
  run(DIR ${WORK_DIR} ARGS check -dash.xml)
  if(NOT rc EQUAL 2 OR NOT out STREQUAL "" OR NOT err MATCHES "^xstanza check: unknown option '-dash.xml'\n")
    fail("check -dash.xml: rc=${rc} stdout=[${out}] stderr=[${err}]")
  endif()

elseif(CASE STREQUAL "dump")
  # The typed view as JSON: every field, absent ones null, in a fixed order.
  run(ARGS dump seed_roster_result.xml)
  set(item_fields "\"subscription\": \"none\",\n        \"ask\": false,\n        \"approved\": false,\n        \"groups\": [],\n        \"ignored_subscription\": null\n")
  # One string built first: a list element with an unbalanced '[' would not split at ';'.
  string(CONCAT expected_json
    "{\n  \"kind\": \"iq\",\n  \"type\": \"result\",\n  \"id\": \"roster2\",\n  \"from\": null,\n  \"to\": \"jane@longbourn.lit/garden\",\n"
    "  \"lang\": null,\n  \"payload\": {\n    \"kind\": \"roster\",\n    \"ver\": null,\n    \"items\": [\n"
    "      {\n        \"jid\": \"elizabeth@longbourn.lit\",\n        \"name\": \"Elizabeth\",\n        ${item_fields}      },\n"
    "      {\n        \"jid\": \"bingley@netherfield.lit\",\n        \"name\": \"Bingley\",\n        ${item_fields}      }\n"
    "    ]\n  },\n  \"error\": null\n}\n")
  expect(0 "dump roster result" "${expected_json}")
  run(ARGS dump seed_error_fixed.xml)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "\"type\": \"error\"" OR NOT out MATCHES
     "\"error\": {\n    \"type\": \"cancel\",\n    \"condition\": \"feature-not-implemented\",")
    fail("dump error: rc=${rc} stdout=[${out}] stderr=[${err}]")
  endif()
  # A server's roster push, every item field set; and a stanza whose strings need escaping
  # (quote, backslash, tab, LF, CR, non-ASCII up to 4-byte UTF-8): compared byte for byte.
  # Messages and presences (dump_message, dump_presence): kind, their texts with languages,
  # thread, show, priority, extensions, error. dump_escapes last: its output is decoded below.
  foreach(case IN ITEMS "dump_roster_push|--role=server" "dump_message|" "dump_message_error|" "dump_presence|"
                        "dump_subscribe|" "dump_escapes|")
    string(REPLACE "|" ";" case "${case}")
    list(GET case 0 name)
    list(GET case 1 flags)
    file(READ ${DATA}/${name}.json expected_json)
    run(ARGS dump ${flags} ${name}.xml)
    # Not through expect(): a macro's arguments would lose the JSON's backslashes.
    if(NOT rc EQUAL 0 OR NOT out STREQUAL expected_json)
      fail("dump ${flags} ${name}.xml: rc=${rc}\n  expected: [${expected_json}]\n  got:      [${out}]\n  stderr: ${err}")
    endif()
  endforeach()
  # The escaped strings decode back to the stanza's (string(JSON) needs CMake 3.19).
  if(NOT CMAKE_VERSION VERSION_LESS 3.19)
    string(JSON id GET "${out}" id)
    string(JSON text GET "${out}" error text)
    string(JSON xml GET "${out}" payload xml)
    set(expected_text "tab\tlf\ncr\rquote\" backslash\\ é 日本 😀 😀")
    if(NOT id STREQUAL "q\"\\1" OR NOT text STREQUAL expected_text
       OR NOT xml STREQUAL "<x xmlns='urn:example:x' a='é'>\"\\\t</x>")
      fail("dump_escapes.xml: decoded id=[${id}] text=[${text}] xml=[${xml}]")
    endif()
  endif()
  # The receiver's rules: what they mapped or ignored is in the view too.
  run(ARGS dump --receiver payment_required.xml)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "\"condition\": \"undefined-condition\",\n    \"unknown_condition\": \"payment-required\",")
    fail("dump --receiver payment_required.xml: rc=${rc} stdout=[${out}] stderr=[${err}]")
  endif()
  run(ARGS dump --receiver roster_pending.xml)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "\"subscription\": \"none\",.*\"ignored_subscription\": \"pending\"")
    fail("dump --receiver roster_pending.xml: rc=${rc} stdout=[${out}] stderr=[${err}]")
  endif()
  # Invalid input: {"error": {code, offset, message}}, exit 1.
  run(ARGS dump seed_typo_root.xml)
  expect(1 "dump invalid" "{\n  \"error\": {\n    \"code\": \"not_stanza\",\n    \"offset\": 0,\n    \"message\": \"expected <iq>, <message> or <presence>, found <id>\"\n  }\n}\n")
  # Several files: one document each, its first member "file"; an unreadable one is reported
  # on stderr and the others are still dumped, then exit 2.
  run(ARGS dump seed_roster_get.xml seed_typo_root.xml does-not-exist.xml seed_roster_ack.xml)
  string(REGEX MATCHALL "\n?{\n  \"file\": \"[^\"]+\",\n  \"(kind|error)\"" docs "${out}")
  string(REGEX MATCHALL "\n}\n" ends "${out}")
  list(LENGTH docs n_docs)
  list(LENGTH ends n_ends)
  if(NOT rc EQUAL 2 OR NOT n_docs EQUAL 3 OR NOT n_ends EQUAL 3
     OR NOT out MATCHES "^{\n  \"file\": \"seed_roster_get.xml\",\n  \"kind\": \"iq\",\n  \"type\": \"get\",.*\n}\n{\n  \"file\": \"seed_typo_root.xml\",\n  \"error\": {\n    \"code\": \"not_stanza\",.*\n}\n{\n  \"file\": \"seed_roster_ack.xml\",\n  \"kind\": \"iq\",\n  \"type\": \"result\",.*\n}\n$"
     OR NOT err STREQUAL "xstanza: cannot read 'does-not-exist.xml': No such file or directory\n")
    fail("dump of several files: rc=${rc} docs=${n_docs} stdout=[${out}] stderr=[${err}]")
  endif()
  # Invalid, then valid: exit 1.
  run(ARGS dump seed_typo_root.xml seed_roster_get.xml)
  if(NOT rc EQUAL 1)
    fail("dump invalid and valid: rc=${rc}")
  endif()

elseif(CASE STREQUAL "check_unreadable")
  # An unreadable file is reported on stderr, the others are still checked, then exit 2.
  run(ARGS check seed_roster_get.xml does-not-exist.xml seed_typo_root.xml seed_roster_ack.xml)
  expect(2 "unreadable file in the middle" "seed_roster_get.xml: ok\n" "seed_typo_root.xml: error: not_stanza at byte 0: expected <iq>, <message> or <presence>, found <id>\n" "seed_roster_ack.xml: ok\n")
  if(NOT err STREQUAL "xstanza: cannot read 'does-not-exist.xml': No such file or directory\n")
    fail("unreadable file: stderr=[${err}]")
  endif()
  run(ARGS check does-not-exist.xml seed_roster_get.xml)
  expect(2 "unreadable file first" "seed_roster_get.xml: ok\n")

elseif(CASE STREQUAL "bench")
  # The table: a header, three rows per corpus, nothing on stderr, exit 0.
  set(row "[0-9.]+ +[0-9]+ +[0-9.]+x\n")
  run(ARGS bench seed_roster_result.xml seed_roster_get.xml)
  if(NOT rc EQUAL 0 OR NOT err STREQUAL "" OR NOT out MATCHES
     "^Each stanza parsed as AnyStanza [^\n]*\n[^\n]*\n[^\n]*\n[^\n]*\n\ncorpus +operation +MB/s +stanzas/s +ratio\nfiles +parse rapidxml<0> +${row}files +parse xstanza AnyStanza +${row}files +serialize xstanza +${row}")
    fail("bench FILE...: rc=${rc} stdout=[${out}] stderr=[${err}]")
  endif()
  # The built-in corpora: every stanza of them parses and serializes.
  run(ARGS bench)
  string(REGEX MATCHALL "\n[a-z0-9_]+ +(parse|serialize) [^\n]+x" rows "${out}")
  list(LENGTH rows n_rows)
  if(NOT rc EQUAL 0 OR NOT err STREQUAL "" OR NOT n_rows EQUAL 24)
    fail("bench: rc=${rc} rows=${n_rows} stdout=[${out}] stderr=[${err}]")
  endif()
  # Messages and presence are timed too; a stanza xstanza rejects (not a stanza), one RapidXML
  # rejects too: exit 1, saying which.
  run(ARGS bench message.xml)
  if(NOT rc EQUAL 0 OR NOT out MATCHES "files +parse xstanza AnyStanza")
    fail("bench message.xml: rc=${rc} stdout=[${out}] stderr=[${err}]")
  endif()
  file(WRITE ${WORK_DIR}/not_a_stanza.xml "<foo/>")
  run(ARGS bench ${WORK_DIR}/not_a_stanza.xml)
  if(NOT rc EQUAL 1 OR NOT err MATCHES "xstanza bench: files, stanza 0: xstanza rejects it: not_stanza")
    fail("bench not_a_stanza.xml: rc=${rc} stdout=[${out}] stderr=[${err}]")
  endif()
  file(WRITE ${WORK_DIR}/unclosed.xml "<iq type='get' id='x'>")
  run(ARGS bench seed_roster_get.xml ${WORK_DIR}/unclosed.xml)
  if(NOT rc EQUAL 1 OR NOT err MATCHES "xstanza bench: files, stanza 1: RapidXML rejects it")
    fail("bench unclosed.xml: rc=${rc} stdout=[${out}] stderr=[${err}]")
  endif()

elseif(CASE STREQUAL "rules")
  # The sender's rules by default (a validator); --receiver maps and ignores what RFC 6120
  # §8.3.2 and RFC 6121 §2.1.2.5 tell a receiver to, and says so on stderr.
  run(ARGS check payment_required.xml)
  expect(1 "check (sender)" "error: unknown_condition at byte 44: unknown stanza error condition 'payment-required' (RFC 6120 §8.3.3)\n")
  run(ARGS check --receiver payment_required.xml)
  expect(0 "check --receiver" "ok\n")
  if(NOT err MATCHES "mapped the unknown condition <payment-required/> to <undefined-condition/>")
    fail("check --receiver: stderr [${err}]")
  endif()
  run(ARGS canon --receiver payment_required.xml)
  expect(0 "canon --receiver" "<iq type='error' id='e1'><error type='auth'><undefined-condition xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>\n")
  run(ARGS check roster_pending.xml)
  expect(1 "check roster (sender)" "error: invalid_roster at byte 90: unknown subscription 'pending', expected none, to, from, both or remove (RFC 6121 §2.1.2.5)\n")
  run(ARGS check roster_pending.xml --receiver)
  expect(0 "check roster --receiver (flag after the file)" "ok\n")
  if(NOT err MATCHES "ignored subscription='pending' of item 'a@b.c'")
    fail("check roster --receiver: stderr [${err}]")
  endif()
  # RFC 6121 §2.1.2.2: a client's roster set carries no 'ask'; a server's push may.
  run(ARGS check push_with_ask.xml)
  expect(1 "check push (client)" "error: invalid_roster at byte 78: a client's roster set carries no 'ask' (RFC 6121 §2.1.2.1, §2.1.2.2)\n")
  run(ARGS check --role=server push_with_ask.xml)
  expect(0 "check push --role=server" "ok\n")
  run(ARGS canon --receiver push_with_ask.xml)
  expect(0 "canon push --receiver" "<iq type='set' id='p1'><query xmlns='jabber:iq:roster'><item jid='a@b.c' ask='subscribe'/></query></iq>\n")
  run(ARGS check --bogus push_with_ask.xml)
  if(NOT rc EQUAL 2 OR NOT err MATCHES "unknown option '--bogus'")
    fail("check --bogus: rc=${rc} stderr=[${err}]")
  endif()

elseif(CASE STREQUAL "canon")
  # Exact bytes for the seed's result and error reply.
  run(ARGS canon seed_roster_result.xml)
  expect(0 "canon result" "<iq type='result' id='roster2' to='jane@longbourn.lit/garden'><query xmlns='jabber:iq:roster'>" "<item jid='elizabeth@longbourn.lit' name='Elizabeth'/><item jid='bingley@netherfield.lit' name='Bingley'/>" "</query></iq>\n")
  run(ARGS canon seed_error_fixed.xml)
  expect(0 "canon error" "<iq type='error' id='roster1' to='jane@longbourn.lit/garden'><query xmlns='jabber:iq:roster'/>" "<error type='cancel'><feature-not-implemented xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></iq>\n")
  # For every valid input: one line, accepted by check, and a fixed point.
  file(GLOB vector_files ${VECTORS}/valid/*.xml)
  set(inputs)
  foreach(f IN LISTS valid_files)
    list(APPEND inputs ${DATA}/${f})
  endforeach()
  list(APPEND inputs ${vector_files})
  set(i 0)
  foreach(f IN LISTS inputs)
    run(ARGS canon ${f})
    set(first "${out}")
    if(NOT rc EQUAL 0)
      fail("canon ${f}: rc=${rc} [${out}]")
      continue()
    endif()
    string(REGEX MATCHALL "\n" newlines "${first}")
    list(LENGTH newlines n)
    if(NOT n EQUAL 1 OR NOT first MATCHES "\n$")
      fail("canon ${f}: not one line: [${first}]")
    endif()
    math(EXPR i "${i} + 1")
    set(once ${WORK_DIR}/canon-${i}.xml)
    file(WRITE ${once} "${first}")
    run(ARGS check ${once})
    expect(0 "check of canon ${f}" "ok\n")
    run(ARGS canon ${once})
    expect(0 "canon(canon(${f}))" "${first}")
    run(ARGS canon - INPUT ${f})
    expect(0 "canon of ${f} on stdin" "${first}")
  endforeach()
  list(LENGTH inputs count)
  if(count LESS 20)
    fail("canon: only ${count} inputs found")
  endif()
  # An invalid input is reported like check does.
  run(ARGS canon seed_typo_root.xml)
  expect(1 "canon of an invalid file" "error: not_stanza at byte 0: expected <iq>, <message> or <presence>, found <id>\n")

elseif(CASE STREQUAL "other_kinds")
  # check, canon and dump take any stanza (AnyStanza): <message/> and <presence/> too.
  run(ARGS check message.xml presence.xml dump_message.xml dump_presence.xml dump_message_error.xml dump_subscribe.xml)
  expect(0 "messages and presences" "message.xml: ok\n" "presence.xml: ok\n" "dump_message.xml: ok\n" "dump_presence.xml: ok\n"
         "dump_message_error.xml: ok\n" "dump_subscribe.xml: ok\n")
  run(ARGS canon message.xml)
  expect(0 "canon <message/>" "<message type='normal'/>\n")
  run(ARGS canon presence.xml)
  expect(0 "canon <presence/>" "<presence/>\n")
  # The canonical form of the RFC 6121 examples: one line, itself canonical.
  foreach(f IN ITEMS dump_message.xml dump_presence.xml dump_message_error.xml dump_subscribe.xml)
    run(ARGS canon ${f})
    set(first "${out}")
    if(NOT rc EQUAL 0 OR NOT first MATCHES "^<(message|presence)[^\n]*>\n$")
      fail("canon ${f}: rc=${rc} [${out}] ${err}")
      continue()
    endif()
    file(WRITE ${WORK_DIR}/${f} "${first}")
    run(ARGS canon ${WORK_DIR}/${f})
    expect(0 "canon(canon(${f}))" "${first}")
  endforeach()
  run(ARGS canon dump_presence.xml)
  expect(0 "canon of a presence" "<presence id='jx62vs97' from='romeo@example.net/orchard' xml:lang='en'><show>dnd</show>"
         "<status>Wooing Juliet</status><status xml:lang='cs'>Dvořím se Julii</status><priority>-1</priority>"
         "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='http://psi-im.org' ver='q07IKJEyjvHSyhy//CH0CxmKi8w='/>"
         "</presence>\n")
  # The rules: a sender may not write an unknown message type or show on unavailable presence;
  # a receiver takes the type as normal (and says so on stderr) and ignores the show.
  file(WRITE ${WORK_DIR}/shout.xml "<message type='shout'><body>x</body></message>")
  run(ARGS check ${WORK_DIR}/shout.xml)
  if(NOT rc EQUAL 1 OR NOT out MATCHES "^error: unknown_type at byte 15: ")
    fail("check shout.xml: rc=${rc} [${out}]")
  endif()
  run(ARGS canon --receiver ${WORK_DIR}/shout.xml)
  expect(0 "canon --receiver shout.xml" "<message type='normal'><body>x</body></message>\n")
  if(NOT err MATCHES "took the unknown message type 'shout' as normal \\(RFC 6121 §5.2.2\\)")
    fail("canon --receiver shout.xml: stderr [${err}]")
  endif()
  file(WRITE ${WORK_DIR}/gone.xml "<presence type='unavailable'><show>away</show></presence>")
  run(ARGS check ${WORK_DIR}/gone.xml)
  if(NOT rc EQUAL 1 OR NOT out MATCHES "^error: invalid_show at byte 29: ")
    fail("check gone.xml: rc=${rc} [${out}]")
  endif()
  run(ARGS canon --receiver ${WORK_DIR}/gone.xml)
  expect(0 "canon --receiver gone.xml" "<presence type='unavailable'/>\n")
  # A refused message or presence is reported like a refused IQ.
  file(WRITE ${WORK_DIR}/two_bodies.xml "<message><body>a</body><body>b</body></message>")
  run(ARGS check ${WORK_DIR}/two_bodies.xml)
  if(NOT rc EQUAL 1 OR NOT out MATCHES "^error: duplicate_lang at byte 0: two <body/> in language ''")
    fail("check two_bodies.xml: rc=${rc} [${out}]")
  endif()
  run(ARGS canon presence.xml message.xml)
  if(NOT rc EQUAL 2)
    fail("canon of two files: rc=${rc}")
  endif()

elseif(CASE STREQUAL "vectors")
  # tests/vectors/MANIFEST: "<file> ok" or "<file> <errc> <offset>".
  file(STRINGS ${VECTORS}/MANIFEST lines)
  set(count 0)
  foreach(line IN LISTS lines)
    if(line MATCHES "^#" OR line STREQUAL "")
      continue()
    endif()
    string(REPLACE " " ";" fields "${line}")
    list(GET fields 0 f)
    list(GET fields 1 code)
    run(DIR ${VECTORS} ARGS check ${f})
    if(code STREQUAL "ok")
      expect(0 "${f}" "ok\n")
    else()
      list(GET fields 2 offset)
      if(NOT out MATCHES "^error: ${code} at byte ${offset}: [^\n]+\n$" OR NOT rc EQUAL 1)
        fail("${f}: expected ${code} at byte ${offset}, got [${out}] rc=${rc}")
      endif()
    endif()
    math(EXPR count "${count} + 1")
  endforeach()
  file(GLOB on_disk RELATIVE ${VECTORS} ${VECTORS}/valid/* ${VECTORS}/invalid/*)
  list(LENGTH on_disk disk_count)
  if(NOT count EQUAL disk_count)
    fail("MANIFEST lists ${count} vectors, tests/vectors has ${disk_count} files")
  endif()
  message(STATUS "${count} vectors checked")

else()
  message(FATAL_ERROR "run.cmake: unknown CASE '${CASE}'")
endif()

if(failures GREATER 0)
  message(FATAL_ERROR "cli.${CASE}: ${failures} failure(s)")
endif()
