import Electra

print("BLAS: \(BLAS.description)")
