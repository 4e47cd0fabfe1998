// Catch2 runner for the core suite (native and WASM under Node).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
