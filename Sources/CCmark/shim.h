#include <cmark.h>
#if defined(__GLIBC__)
// malloc_trim: hands the pages of a freed cmark tree back to the system (CommonMark.swift).
#include <malloc.h>
#endif
