// The kinds of step a derivation records: the machine-readable `kind` of every trace::Step, as
// the JSON renderer writes it ("kind": "replacement"). A program reading the JSON output can
// rely on this list; each kind is one thing the library does, named after the math.
#pragma once

#include <string_view>

namespace showwork::trace::kind {

// ---- Every derivation (trace/) ----
// the steps left out once a derivation reaches its size limit (trace::max_derivation_nodes)
inline constexpr std::string_view omitted = "omitted";
// a remark on how the result is found, with no work of its own (a method that shows no steps)
inline constexpr std::string_view note = "note";
// where the course notes are wrong: what they print, its value, and the right one (examples/)
inline constexpr std::string_view erratum = "erratum";

// ---- Row operations and elimination (matrix/) ----
// the matrix (or augmented matrix) an elimination starts from
inline constexpr std::string_view matrix = "matrix";
// R_i ↔ R_j, to bring a pivot up
inline constexpr std::string_view interchange = "interchange";
// R_i → c R_i, to make a pivot 1
inline constexpr std::string_view scaling = "scaling";
// R_i → R_i − c R_j, one entry cleared
inline constexpr std::string_view replacement = "replacement";
// the replacements that clear one column, as one step
inline constexpr std::string_view replacements = "replacements";
// two columns swapped (complete pivoting)
inline constexpr std::string_view column_interchange = "column_interchange";
// a column without a pivot
inline constexpr std::string_view free_column = "free_column";
// the form an elimination ends in
inline constexpr std::string_view result = "result";
// one row operation applied as asked
inline constexpr std::string_view row_operation = "row_operation";
// a row reduction, as a sub-derivation
inline constexpr std::string_view elimination = "elimination";
// (A | I) reduced to (I | A⁻¹)
inline constexpr std::string_view gauss_jordan = "gauss_jordan";
// PA = LU read off an elimination
inline constexpr std::string_view lu = "lu";
// the rank counted from the pivots
inline constexpr std::string_view rank = "rank";
// a basis of Nul A from the free variables
inline constexpr std::string_view null_space = "null_space";
// a basis of Col A from the pivot columns
inline constexpr std::string_view column_space = "column_space";
// a result checked (A A⁻¹ = I, Ax = b, a derivative at a point)
inline constexpr std::string_view check = "check";

// ---- Determinants (matrix/determinant.hpp) ----
// det A as (−1)^swaps times the echelon form's diagonal
inline constexpr std::string_view determinant = "determinant";
// det A expanded along the first row
inline constexpr std::string_view cofactor_expansion = "cofactor_expansion";
// one minor M_1j of the expansion
inline constexpr std::string_view minor = "minor";
// a 2×2 determinant, ad − bc
inline constexpr std::string_view cofactor = "cofactor";

// ---- Arithmetic (matrix/traced_arithmetic.hpp) ----
// a matrix product, and its entries as substeps
inline constexpr std::string_view multiply = "multiply";
// one entry of a product: row i times column j
inline constexpr std::string_view entry = "entry";
// A + B entry by entry
inline constexpr std::string_view add = "add";
// A − B entry by entry
inline constexpr std::string_view subtract = "subtract";
// c A
inline constexpr std::string_view scale = "scale";
// A + c, c added to every entry
inline constexpr std::string_view add_scalar = "add_scalar";
// Aᵀ
inline constexpr std::string_view transpose = "transpose";
// A ⊙ B
inline constexpr std::string_view hadamard = "hadamard";
// ReLU applied to every entry
inline constexpr std::string_view relu = "relu";

// ---- Linear systems (solvers/) ----
// a row 0 = c with c ≠ 0: no solution
inline constexpr std::string_view inconsistent = "inconsistent";
// the unknowns solved from the last pivot up
inline constexpr std::string_view back_substitution = "back_substitution";
// an unknown without a pivot, named as a parameter
inline constexpr std::string_view free_variable = "free_variable";
// the pivot variables in terms of the free ones
inline constexpr std::string_view parametric_form = "parametric_form";
// the solution set: one, infinitely many or none
inline constexpr std::string_view solution = "solution";

// ---- Least squares by Householder QR (solvers/householder_qr.hpp) ----
// one reflection H_k = I − 2 v_k v_kᵀ/(v_kᵀ v_k), its vector and its result as substeps
inline constexpr std::string_view householder = "householder";
// the vector of a reflection, v_k = x + sign(x₁)‖x‖e₁
inline constexpr std::string_view reflector = "reflector";
// a reflection applied to (X | y): the matrix after it
inline constexpr std::string_view reflect = "reflect";
// R β = Qᵀy and the residual ‖(Qᵀy)ₚ₊₁..ₘ‖ read off H_p ⋯ H_1 (X | y)
inline constexpr std::string_view triangular_system = "triangular_system";

// ---- Exact against floating point (compare/) ----
// the run in exact arithmetic
inline constexpr std::string_view exact = "exact";
// the run in floating point
inline constexpr std::string_view floating = "floating";
// a run that stops (a singular matrix, …)
inline constexpr std::string_view failure = "failure";
// the two runs side by side
inline constexpr std::string_view compare = "compare";

// ---- Calculus (calculus/) ----
// one differentiation rule, its inner derivatives as substeps
inline constexpr std::string_view rule = "rule";
// one partial derivative ∂f/∂x
inline constexpr std::string_view partial = "partial";
// ∇f, the column of partials
inline constexpr std::string_view gradient = "gradient";
// one row of a Jacobian: the gradient of one component
inline constexpr std::string_view row = "row";
// a Jacobian, its rows as substeps
inline constexpr std::string_view jacobian = "jacobian";
// F(g(x)) split into its outer and inner functions
inline constexpr std::string_view decompose = "decompose";
// g put into J_F
inline constexpr std::string_view substitute = "substitute";
// J = J_F(g) · J_g
inline constexpr std::string_view chain_rule = "chain_rule";
// a derivative's value at a point
inline constexpr std::string_view evaluate = "evaluate";
// the input as it was read, when that is not as it was typed (x + 0 read as x)
inline constexpr std::string_view read = "read";
// a power of a constant kept as a power: its value would be longer than any number read
inline constexpr std::string_view unevaluated = "unevaluated";

// ---- Least squares and regression (solvers/, regression/) ----
// the design matrix X and the response y
inline constexpr std::string_view design = "design";
// X^T X beta = X^T Y, its sides computed as substeps
inline constexpr std::string_view normal_equations = "normal_equations";
// the table of x_i, y_i, x_i^2, x_i y_i and their sums (simple regression)
inline constexpr std::string_view sums = "sums";
// one estimate from its formula, the sums substituted: m, b, or beta-hat
inline constexpr std::string_view estimate = "estimate";
// the fitted model y-hat = X beta-hat
inline constexpr std::string_view model = "model";
// fitted values and residuals
inline constexpr std::string_view residuals = "residuals";
// SSE, SST, R^2, s, the standard errors
inline constexpr std::string_view statistics = "statistics";
// the analysis of variance table
inline constexpr std::string_view anova = "anova";

// ---- Gradient descent (solvers/gradient_descent.hpp, regression/descent.hpp) ----
// the loss C and its gradient, as formulas
inline constexpr std::string_view descent_loss = "descent_loss";
// one update written out, as a sub-derivation
inline constexpr std::string_view descent_update = "descent_update";
// the errors e_i of a batch at the current parameters
inline constexpr std::string_view descent_errors = "descent_errors";
// the gradient of the loss on a batch
inline constexpr std::string_view descent_gradient = "descent_gradient";
// beta <- beta - eta dC/dbeta
inline constexpr std::string_view descent_step = "descent_step";
// the table of epoch, loss and gradient norm
inline constexpr std::string_view descent_history = "descent_history";
// the result against the closed-form least-squares fit
inline constexpr std::string_view descent_comparison = "descent_comparison";

// ---- Neural networks (nn/) ----
// the network: its layers, sizes, activations and weights
inline constexpr std::string_view network = "network";
// one layer of the forward pass, as a sub-derivation
inline constexpr std::string_view layer_forward = "layer_forward";
// Z^{[l]} = A^{[l−1]} W^{[l]} + j ⊗ b^{[l]}
inline constexpr std::string_view affine = "affine";
// A^{[l]} = h(Z^{[l]})
inline constexpr std::string_view activation = "activation";
// the loss E of the output against the targets
inline constexpr std::string_view loss = "loss";
// ∂(L) = ∂E/∂A^{[L]}, the derivative the loss names
inline constexpr std::string_view output_error = "output_error";
// one layer of backpropagation, as a sub-derivation
inline constexpr std::string_view layer_backward = "layer_backward";
// G = h′(Z^{[l]}) ⊙ ∂(l), the error at the layer's inputs Z
inline constexpr std::string_view local_error = "local_error";
// ∂E/∂W^{[l]} = (A^{[l−1]})ᵀ G
inline constexpr std::string_view weight_gradient = "weight_gradient";
// one entry of ∂E/∂W^{[l]} by the chain rule, summed over the examples
inline constexpr std::string_view weight_gradient_entry = "weight_gradient_entry";
// ∂E/∂b^{[l]} = jᵀ G, the column sums of G
inline constexpr std::string_view bias_gradient = "bias_gradient";
// ∂(l−1) = G (W^{[l]})ᵀ, passed back to the layer before
inline constexpr std::string_view backward_error = "backward_error";
// W ← W − α ∂E/∂W and b ← b − α ∂E/∂b, one layer
inline constexpr std::string_view layer_update = "layer_update";
// one update of training (a forward pass, backpropagation, the step), as a sub-derivation
inline constexpr std::string_view training_update = "training_update";
// the loss (and accuracy) per epoch of a training run
inline constexpr std::string_view training_history = "training_history";
// backpropagation against central finite differences, parameter by parameter
inline constexpr std::string_view gradient_check = "gradient_check";

// ---- Worked examples ----
// how the notes' convention maps onto the library's
inline constexpr std::string_view convention = "convention";

// ---- Checking a student's working (teach/) ----
// one line of the working judged: its operations, what they give, what the student wrote
inline constexpr std::string_view working_line = "working_line";
// whether the last matrix is in the form the goal asks (REF, RREF, (I | A⁻¹))
inline constexpr std::string_view working_goal = "working_goal";
// the working's stated answer against the right one
inline constexpr std::string_view working_answer = "working_answer";

// ---- Generated problems (teach/generate.hpp) ----
// one problem of a sheet: what it asks and its data; in the answer key its derivation inside
inline constexpr std::string_view problem = "problem";
// the answer of a problem, at the end of its derivation
inline constexpr std::string_view problem_answer = "problem_answer";

}  // namespace showwork::trace::kind
