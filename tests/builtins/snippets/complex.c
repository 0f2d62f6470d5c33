/* _Complex multiplication and division for float, double, long double. */
_Complex float mulsc(_Complex float a, _Complex float b) { return a * b; }
_Complex double muldc(_Complex double a, _Complex double b) { return a * b; }
_Complex long double mulxc(_Complex long double a, _Complex long double b) { return a * b; }
_Complex float divsc(_Complex float a, _Complex float b) { return a / b; }
_Complex double divdc(_Complex double a, _Complex double b) { return a / b; }
_Complex long double divxc(_Complex long double a, _Complex long double b) { return a / b; }
/* real / complex also calls the division routine */
_Complex double rdivdc(double a, _Complex double b) { return a / b; }
