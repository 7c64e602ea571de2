// The Boost.Test module of xstanza-tests. Test cases live in tests/<folder>/test_<suite>.cpp,
// each holding exactly one BOOST_AUTO_TEST_SUITE(<suite>); CTest runs each suite
// as unit.<suite> (xstanza-tests --run_test=<suite>).
// Linked against the shared Boost.Test library (BOOST_TEST_DYN_LINK is set by CMake).
#define BOOST_TEST_MODULE xstanza
#include <boost/test/unit_test.hpp>
