// OpenBLAS, opened with dlopen on first use instead of linked.
//
// A linked OpenBLAS starts its thread pool before main, and the pool's threads spin for about
// 0.1 s of CPU time before they sleep: every dacorpus process would pay that, including
// `normalize` and `build`, which never multiply a matrix. Only the ELECTRA module calls these.
#ifndef COPENBLAS_H
#define COPENBLAS_H

#ifdef __cplusplus
extern "C" {
#endif

/// Opens OpenBLAS (libopenblas.so.0, else libopenblas.so) once per process and resolves the
/// functions below. Thread-safe. Returns 0 on success; otherwise dac_blas_load_error() says why.
int dac_blas_load(void);

/// Why dac_blas_load failed (dlerror's message), or NULL after success.
const char *dac_blas_load_error(void);

/// cblas_sgemm in row-major order: C = alpha op(A) op(B) + beta C, op(X) = X^T when trans* != 0.
/// Loads OpenBLAS if needed; aborts with a message if it cannot be loaded.
void dac_blas_sgemm(int transA, int transB, int m, int n, int k, float alpha, const float *a, int lda,
                    const float *b, int ldb, float beta, float *c, int ldc);

/// cblas_dgemm in row-major order, as dac_blas_sgemm.
void dac_blas_dgemm(int transA, int transB, int m, int n, int k, double alpha, const double *a, int lda,
                    const double *b, int ldb, double beta, double *c, int ldc);

/// openblas_get_config(), openblas_get_corename(); load as dac_blas_sgemm.
const char *dac_blas_config(void);
const char *dac_blas_corename(void);

/// openblas_get_num_threads(), openblas_set_num_threads(); load as dac_blas_sgemm.
int dac_blas_get_num_threads(void);
void dac_blas_set_num_threads(int threads);

#ifdef __cplusplus
}
#endif

#endif
