# Sanitizer and fuzzing builds (clang): test/sanitize/run.sh configures a
# second build tree with them for CI.
#   -DDAC_SANITIZE=ON  AddressSanitizer + UndefinedBehaviorSanitizer
#   -DDAC_FUZZ=ON      also the libFuzzer targets of test/fuzz
option(DAC_SANITIZE "Build with ASan and UBSan" OFF)
option(DAC_FUZZ "Build the libFuzzer targets (implies DAC_SANITIZE)" OFF)
if(DAC_FUZZ)
  set(DAC_SANITIZE ON)
endif()
if(DAC_SANITIZE)
  # vptr checks need RTTI, which libMLIR/libLLVM are built without.
  set(DAC_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize=vptr
      -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_compile_options(${DAC_SANITIZER_FLAGS})
  add_link_options(${DAC_SANITIZER_FLAGS})
  # Programs that `dac build` links carry the instrumented runtime.
  set(DAC_RUNTIME_LINK_FLAGS "-fsanitize=address,undefined")
endif()
if(DAC_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
