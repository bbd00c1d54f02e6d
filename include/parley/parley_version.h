/* parley_version.h: compile-time version of the parley library. */
#ifndef PARLEY_VERSION_H
#define PARLEY_VERSION_H
#define PARLEY_VERSION_MAJOR 0
#define PARLEY_VERSION_MINOR 1
#define PARLEY_VERSION_PATCH 0
#define PARLEY_VERSION_STRING "0.1.0"
#endif
