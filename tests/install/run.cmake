# CTest install.find_package:
#   cmake -DBUILD_DIR=<xstanza build> -DSOURCE_DIR=<xstanza source> [-DCONFIG=..]
#         [-DGENERATOR=..] [-DCXX_COMPILER=..] -P tests/install/run.cmake
# Installs the build tree into <build>/install-test/prefix, then configures, builds and
# runs tests/install/consumer against that prefix only.
cmake_minimum_required(VERSION 3.16)
foreach(var BUILD_DIR SOURCE_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run.cmake: -D${var}=... is required")
  endif()
endforeach()

set(root "${BUILD_DIR}/install-test")
set(prefix "${root}/prefix")
set(consumer_build "${root}/consumer-build")
file(REMOVE_RECURSE "${root}")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "install test: ${what} failed (exit ${rc}): ${ARGN}")
  endif()
endfunction()

set(config_args "")
if(CONFIG)
  set(config_args --config "${CONFIG}")
endif()
run("cmake --install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}" ${config_args})

set(configure_args -S "${SOURCE_DIR}/tests/install/consumer" -B "${consumer_build}"
    "-DCMAKE_PREFIX_PATH=${prefix}" -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF)
if(GENERATOR)
  list(APPEND configure_args -G "${GENERATOR}")
endif()
if(CXX_COMPILER)
  list(APPEND configure_args "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
endif()
if(CONFIG)
  list(APPEND configure_args "-DCMAKE_BUILD_TYPE=${CONFIG}")
endif()
run("configure consumer" "${CMAKE_COMMAND}" ${configure_args})

# The package must come from the fresh prefix, not from a system install.
file(STRINGS "${consumer_build}/CMakeCache.txt" found_dir REGEX "^xstanza_DIR:")
string(REGEX REPLACE "^xstanza_DIR:[A-Z]+=" "" found_dir "${found_dir}")
get_filename_component(real_prefix "${prefix}" REALPATH)
get_filename_component(real_found "${found_dir}" REALPATH)
string(FIND "${real_found}" "${real_prefix}/" at)
if(NOT at EQUAL 0)
  message(FATAL_ERROR "install test: xstanza was found in ${found_dir}, not under ${prefix}")
endif()

run("build consumer" "${CMAKE_COMMAND}" --build "${consumer_build}" ${config_args})

set(exe "${consumer_build}/consumer")
if(CONFIG AND EXISTS "${consumer_build}/${CONFIG}/consumer")
  set(exe "${consumer_build}/${CONFIG}/consumer")   # multi-config generators
endif()
run("run consumer" "${exe}")
message(STATUS "install test passed: ${prefix}")
