// A user's program: everything through the one header.
#include <showwork/showwork.hpp>

#include <iostream>

int main() {
    auto A = showwork::parse_matrix<showwork::Rational>("2 1; 1 3");
    std::cout << showwork::rational_text(showwork::determinant(A)) << "\n";  // 5
}
