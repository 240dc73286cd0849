// OpenBLAS's CBLAS header; pkg-config (openblas.pc) adds its include directory. It also declares
// openblas_get_config, openblas_get_corename and openblas_set_num_threads.
#include <cblas.h>
