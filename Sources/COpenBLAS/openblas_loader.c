// Resolves the few OpenBLAS functions dacorpus calls with dlopen/dlsym, once per process.
#include "COpenBLAS.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// CBLAS's enum values (cblas.h): CblasRowMajor, CblasNoTrans, CblasTrans.
enum { ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112 };

typedef void (*sgemm_fn)(int, int, int, int, int, int, float, const float *, int, const float *, int, float,
                         float *, int);
typedef void (*dgemm_fn)(int, int, int, int, int, int, double, const double *, int, const double *, int, double,
                         double *, int);
typedef char *(*string_fn)(void);
typedef int (*get_threads_fn)(void);
typedef void (*set_threads_fn)(int);

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const char *load_error = "OpenBLAS not loaded";
static sgemm_fn sgemm;
static dgemm_fn dgemm;
static string_fn get_config;
static string_fn get_corename;
static get_threads_fn get_num_threads;
static set_threads_fn set_num_threads;

static void load_once(void) {
  void *library = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) library = dlopen("libopenblas.so", RTLD_NOW | RTLD_LOCAL);
  if (library == NULL) {
    load_error = dlerror();
    return;
  }
  sgemm = (sgemm_fn)dlsym(library, "cblas_sgemm");
  dgemm = (dgemm_fn)dlsym(library, "cblas_dgemm");
  get_config = (string_fn)dlsym(library, "openblas_get_config");
  get_corename = (string_fn)dlsym(library, "openblas_get_corename");
  get_num_threads = (get_threads_fn)dlsym(library, "openblas_get_num_threads");
  set_num_threads = (set_threads_fn)dlsym(library, "openblas_set_num_threads");
  if (!sgemm || !dgemm || !get_config || !get_corename || !get_num_threads || !set_num_threads) {
    load_error = "libopenblas lacks cblas_sgemm, cblas_dgemm or openblas_* functions";
    return;
  }
  load_error = NULL;
}

int dac_blas_load(void) {
  pthread_once(&once, load_once);
  return load_error == NULL ? 0 : -1;
}

const char *dac_blas_load_error(void) {
  pthread_once(&once, load_once);
  return load_error;
}

static void require(void) {
  if (dac_blas_load() != 0) {
    fprintf(stderr, "dacorpus: cannot load OpenBLAS (%s); install it with apt-get install libopenblas0\n",
            load_error);
    abort();
  }
}

void dac_blas_sgemm(int transA, int transB, int m, int n, int k, float alpha, const float *a, int lda,
                    const float *b, int ldb, float beta, float *c, int ldc) {
  require();
  sgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha, a, lda, b, ldb, beta, c,
        ldc);
}

void dac_blas_dgemm(int transA, int transB, int m, int n, int k, double alpha, const double *a, int lda,
                    const double *b, int ldb, double beta, double *c, int ldc) {
  require();
  dgemm(ROW_MAJOR, transA ? TRANS : NO_TRANS, transB ? TRANS : NO_TRANS, m, n, k, alpha, a, lda, b, ldb, beta, c,
        ldc);
}

const char *dac_blas_config(void) {
  require();
  return get_config();
}

const char *dac_blas_corename(void) {
  require();
  return get_corename();
}

int dac_blas_get_num_threads(void) {
  require();
  return get_num_threads();
}

void dac_blas_set_num_threads(int threads) {
  require();
  set_num_threads(threads);
}
