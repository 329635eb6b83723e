/* krait.h - the umbrella header of Krait's C API. */
#ifndef KRAIT_H
#define KRAIT_H
#include "kr_object.h"
#include "kr_types.h"
#include "kr_runtime.h"
#include "kr_code.h"
#endif
