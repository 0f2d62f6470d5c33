/* Library functions that change the FP environment: the host must get
   its own control words back (runtime/core/trampoline.h). feholdexcept
   is `fnstenv`, which masks every x87 exception as a side effect and is
   no FP-control write for the verifier; fesetround is `fldcw` and
   `ldmxcsr`, which say so with runtime call 32. */
#include <fenv.h>

int hold_exceptions(void)
{
	fenv_t env;

	return feholdexcept(&env);
}

int round_up(void)
{
	return fesetround(FE_UPWARD);
}
