// show, add, subtract, multiply, hadamard, transpose, scale, identity.
#include "cli/commands.hpp"
#include "showwork/matrix/arithmetic.hpp"
#include "showwork/matrix/traced_arithmetic.hpp"
#include "showwork/matrix/to_math.hpp"

namespace showwork::cli {

namespace {

using trace::Document;

constexpr Operand matrix_b{"B", "Second matrix, in any of the same forms"};

// The one result of an arithmetic command, written after what it is: AB = …, Aᵀ = ….
template <Scalar T>
std::vector<trace::Named> result(const Matrix<T>& M, trace::Math label) {
    return trace::fields({"result", to_math(M), trace::Named::Where::everywhere, std::move(label)});
}

trace::Math A() { return trace::symbol("A"); }
trace::Math B() { return trace::symbol("B"); }

struct Show {
    template <Scalar T>
    static Document run(Invocation& call) {
        Matrix<T> A = read_matrix<T>(call.operands[0]);
        note_if_large(A, {Eliminating::written, "the entries"});
        return document(call, "show", "The matrix A", {}, result(A, cli::A()));
    }
};

// Two operands of any shapes the operation accepts; `op` computes the result.
template <class Op>
struct Binary {
    template <Scalar T>
    static Document run(Invocation& call) {
        Matrix<T> A = read_matrix<T>(call.operands[0]), B = read_matrix<T>(call.operands[1]);
        Matrix<T> C = Op::apply(A, B, call.sink());
        return document(call, Op::command, Op::title, trace::fields({"A", to_math(A)}, {"B", to_math(B)}), result(C, Op::label()));
    }
};

struct AddOp {
    static constexpr const char* command = "add";
    static constexpr const char* title = "Add A and B";
    static trace::Math label() { return trace::sum({A(), B()}); }
    template <Scalar T>
    static Matrix<T> apply(const Matrix<T>& A, const Matrix<T>& B, trace::Trace* t) { return add(A, B, t); }
};
struct SubtractOp {
    static constexpr const char* command = "subtract";
    static constexpr const char* title = "Subtract B from A";
    static trace::Math label() { return trace::sum({A(), trace::negate(B())}); }
    template <Scalar T>
    static Matrix<T> apply(const Matrix<T>& A, const Matrix<T>& B, trace::Trace* t) { return subtract(A, B, t); }
};
struct MultiplyOp {
    static constexpr const char* command = "multiply";
    static constexpr const char* title = "Multiply A by B";
    static trace::Math label() { return trace::product({A(), B()}, ""); }
    template <Scalar T>
    static Matrix<T> apply(const Matrix<T>& A, const Matrix<T>& B, trace::Trace* t) { return multiply(A, B, t); }
};
struct HadamardOp {
    static constexpr const char* command = "hadamard";
    static constexpr const char* title = "Hadamard product of A and B";
    static trace::Math label() { return trace::product({A(), B()}, "odot"); }
    template <Scalar T>
    static Matrix<T> apply(const Matrix<T>& A, const Matrix<T>& B, trace::Trace* t) {
        return hadamard(A, B, t);
    }
};

struct Transpose {
    template <Scalar T>
    static Document run(Invocation& call) {
        Matrix<T> A = read_matrix<T>(call.operands[0]);
        Matrix<T> At = transposed(A, call.sink());
        return document(call, "transpose", "Transpose A", trace::fields({"A", to_math(A)}),
                        result(At, trace::power(cli::A(), trace::symbol("top"))));
    }
};

struct Scale {
    template <Scalar T>
    static Document run(Invocation& call) {
        T c = parse_scalar<T>(call.operands[0]);
        Matrix<T> A = read_matrix<T>(call.operands[1]);
        Matrix<T> cA = scale(c, A, call.sink());
        return document(call, "scale", "Scale A by c", trace::fields({"c", to_math(c)}, {"A", to_math(A)}),
                        result(cA, trace::product({trace::symbol("c"), cli::A()}, "")));
    }
};

struct Identity {
    template <Scalar T>
    static Document run(Invocation& call) {
        // N² entries, within the limit every matrix read has: N ≤ 2,000.
        constexpr std::size_t largest = 2'000;
        static_assert(largest * largest <= max_matrix_entries);
        std::size_t n = parse_count(call.operands[0], "N", largest);
        Matrix<T> I = Matrix<T>::identity(n);
        note_if_large(I, {Eliminating::written, "the entries"});
        return document(call, "identity", "The identity matrix", {}, result(I, trace::symbol("I", trace::number(std::to_string(n)))));
    }
};

}  // namespace

void register_arithmetic_commands(CLI::App& app) {
    register_command<Show>(app, {"show", "Read a matrix and print it", {matrix_a},
                                 {"showwork show \"1 2; 3 4\"", "showwork show data.csv --format latex"}});
    register_command<Binary<AddOp>>(app, {"add", "Sum A + B of two matrices of the same shape",
                                          {matrix_a, matrix_b},
                                          {"showwork add \"1 2; 3 4\" \"1/2 0; 0 -1/3\""}});
    register_command<Binary<SubtractOp>>(app, {"subtract", "Difference A − B of two matrices of the same shape",
                                               {matrix_a, matrix_b},
                                               {"showwork subtract \"1 2; 3 4\" \"1 1; 1 1\""}});
    register_command<Binary<MultiplyOp>>(app, {"multiply", "Product AB, with A (m×n) and B (n×p)",
                                               {matrix_a, matrix_b},
                                               {"showwork multiply \"1 2; 3 4\" \"5; 6\"",
                                                "showwork multiply \"5 2; 3 6\" \"10; 20\" --format latex"}});
    register_command<Binary<HadamardOp>>(app, {"hadamard", "Entry-by-entry (Hadamard) product A ⊙ B",
                                               {matrix_a, matrix_b},
                                               {"showwork hadamard \"1 2; 3 4\" \"5 6; 7 8\""}});
    register_command<Transpose>(app, {"transpose", "Transpose Aᵀ", {matrix_a},
                                      {"showwork transpose \"1 2 3; 4 5 6\""}});
    register_command<Scale>(app, {"scale", "Scalar multiple cA",
                                  {{"c", "The scalar: 3, -1/2, 0.25"}, matrix_a},
                                  {"showwork scale 1/2 \"2 4; 6 8\""}});
    register_command<Identity>(app, {"identity", "The N×N identity matrix",
                                     {{"N", "The size, from 1 to 2000"}},
                                     {"showwork identity 3"}});
}

}  // namespace showwork::cli
