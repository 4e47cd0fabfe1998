# Writes OUT, a C++ file holding assets/record.json as a string (see core/record_io.h), like the presets
# (embed_presets.cmake), so `pactscope record` and the page need no files.
# Run by CMake at build time:  cmake -DRECORD=.../record.json -DOUT=... -P embed_record.cmake
file(READ "${RECORD}" text)
string(FIND "${text}" ")RECORD\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${RECORD} contains the raw-string delimiter")
endif()
set(body "// Generated from assets/record.json by cmake/embed_record.cmake. Do not edit.\n#include \"io/record_io.h\"\n\nnamespace pactscope {\n\nstd::string_view embedded_record_json() {\n    static constexpr std::string_view text = R\"RECORD(${text})RECORD\";\n    return text;\n}\n\n}  // namespace pactscope\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
