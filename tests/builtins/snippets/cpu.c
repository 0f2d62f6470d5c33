int has_avx2(void) { __builtin_cpu_init(); return __builtin_cpu_supports("avx2"); }
int is_intel(void) { return __builtin_cpu_is("intel"); }
