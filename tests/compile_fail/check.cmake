# Compile-fail harness, run by CTest as
#   cmake -DMODE=fail|pass -DCOMPILER=<c++> -DFLAGS=<flag|flag|...> -DSOURCE=<file.cpp> -P check.cmake
# MODE=fail: SOURCE's first line is "// expect: <substring>". Passes only if the compiler
#            rejects SOURCE AND its output contains <substring> (normally a static_assert
#            message), so an unrelated error (typo, missing include) is a test failure.
#            Optional lines among the first ones:
#              "// flags: <flag> <flag>..."   extra compiler flags for this case (e.g. -Werror for
#                                             a warning that must stop the build)
#              "// first-error: <substring>"  the FIRST line of the output that says "error:" must
#                                             contain <substring> (the message comes before any
#                                             list of candidates or notes)
# MODE=pass: SOURCE must compile (the control: a broken include path would otherwise
#            make every compile-fail test pass).
cmake_minimum_required(VERSION 3.16)
foreach(var MODE COMPILER SOURCE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check.cmake: -D${var}=... is required")
  endif()
endforeach()
string(REPLACE "|" ";" flags "${FLAGS}")

if(MODE STREQUAL "fail")
  file(READ "${SOURCE}" head LIMIT 4096)
  if(NOT head MATCHES "^// expect: ([^\r\n]*)")
    message(FATAL_ERROR "${SOURCE}: the first line must be '// expect: <substring of the static_assert message>'")
  endif()
  string(STRIP "${CMAKE_MATCH_1}" expect)
  if(expect STREQUAL "")
    message(FATAL_ERROR "${SOURCE}: empty '// expect:' line")
  endif()
  if(head MATCHES "\n// flags: ([^\r\n]*)")
    separate_arguments(extra_flags UNIX_COMMAND "${CMAKE_MATCH_1}")
    list(APPEND flags ${extra_flags})
  endif()
  set(first_error "")
  if(head MATCHES "\n// first-error: ([^\r\n]*)")
    string(STRIP "${CMAKE_MATCH_1}" first_error)
  endif()
elseif(NOT MODE STREQUAL "pass")
  message(FATAL_ERROR "check.cmake: MODE must be fail or pass, not '${MODE}'")
endif()

# LC_ALL=C: plain ASCII quotes in GCC's own text, same output whatever the user's locale.
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E env LC_ALL=C "${COMPILER}" ${flags} -fsyntax-only "${SOURCE}"
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE out)

if(MODE STREQUAL "pass")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${SOURCE} must compile but did not (exit ${rc}):\n${out}")
  endif()
  message(STATUS "compiles, as it must: ${SOURCE}")
  return()
endif()

if(rc EQUAL 0)
  message(FATAL_ERROR "${SOURCE} compiled, but must not (expected an error containing: ${expect})")
endif()

# The output is searched as the compiler printed it, as a user reads it. Clang 14 prints the
# bytes of a static_assert message above 0x7F as octal escapes ("\302\247" for a section
# sign): an error line holding one is a failure of its own (messages are ASCII).
string(REGEX MATCH "[^\n]*error:[^\n]*\\\\[23][0-7][0-7][^\n]*" escaped_line "${out}")
if(escaped_line)
  message(FATAL_ERROR "${SOURCE}: an error line holds an octal escape (a non-ASCII byte in a message):\n"
                      "${escaped_line}\ncompiler output:\n${out}")
endif()
string(FIND "${out}" "${expect}" at)
if(at EQUAL -1)
  message(FATAL_ERROR "${SOURCE} failed to compile, but not with the expected message.\n"
                      "expected substring: ${expect}\ncompiler output:\n${out}")
endif()
if(NOT first_error STREQUAL "")
  string(REGEX MATCH "[^\n]*error:[^\n]*" first_line "${out}")
  string(FIND "${first_line}" "${first_error}" at_first)
  if(at_first EQUAL -1)
    message(FATAL_ERROR "${SOURCE}: the first error line does not contain the expected message.\n"
                        "expected substring: ${first_error}\nfirst error line: ${first_line}\ncompiler output:\n${out}")
  endif()
endif()
message(STATUS "fails as expected (\"${expect}\"): ${SOURCE}")
