// The math-document tree that every derivation is made of.
//
// A Math node is plain data: a kind, a little text, and children. Modules turn their own objects
// into this tree (a Matrix<T> becomes a `matrix` node of `number` nodes); renderers turn the tree
// into LaTeX, plain text, Markdown or JSON. The tree knows nothing of matrices or scalars:
// numbers are kept exactly as the scalar wrote them ("-1/2", "0.1", "1e-05").
//
//   kind        text                      args
//   number      "-1/2"                    —
//   symbol      name: "x", "beta", "R"    [sub, super] (either may be `empty`)
//   text        words                     —
//   fraction    —                         [numerator, denominator]
//   matrix      —                         rows·cols cells, row-major (see rows/cols/augment)
//   relation    —                         operands; relations[i] joins args[i] and args[i+1]
//   sum         —                         terms; a `negate` term is written "− term"
//   negate      —                         [x]
//   product     operator: "" (juxtapose), "cdot", "times", "odot"     factors
//   power       —                         [base, exponent]
//   apply       function: "ReLU", "sin"   arguments
//   group       "" (x), "|" |x|, "‖" ‖x‖   [x] or, for a norm, [x, sub]: ‖x‖_∞
//   set         —                         [element, condition]: { element | condition }; with no
//                                         condition and a list as element, the set of its items:
//                                         {1, 2}, and ∅ when the list is empty (JSON: an array)
//   cases       —                         lines of a system, under one brace
//   list        separator: ", "           items
//   table       —                         the header's cols cells, then rows·cols body cells;
//                                         `augment`: trailing rows set apart by a rule (totals)
//   empty       —                         — (an absent sub- or superscript)
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace showwork::trace {

enum class Kind : std::uint8_t {
    number, symbol, text, fraction, matrix, relation, sum, negate, product, power, apply, group,
    set, cases, list, table, empty
};

// The relations the notes use between two expressions.
enum class Rel {
    equals,        // =
    approx,        // \approx
    not_equals,    // \neq
    to,            // \to        (R_2 \to R_2 - 2R_1)
    equivalent,    // \sim       (several row operations at once)
    interchange,   // \leftrightarrow
    arrow,         // \xrightarrow{label}: one step of a chain, labelled with its operation
    implies,       // \implies
    in,            // \in
    leq, geq, less, greater
};

// Decoration of a symbol: \mathbf{W}, \hat{\beta}, \bar{y}, \mathbb{R}, \boldsymbol{\partial}.
struct SymbolStyle {
    bool bold = false;
    bool hat = false;
    bool blackboard = false;
    bool transpose = false;  // written as a superscript ⊤ after any other superscript
    bool bar = false;        // a mean: \bar{y}, ȳ
    friend bool operator==(const SymbolStyle&, const SymbolStyle&) = default;
};

struct MathExtras;

// A value on the heap that copies as a value: what only a few kinds of node carry stays out of
// the many that do not (a 2,000×2,000 matrix is four million `number` nodes).
template <class T>
class Boxed {
public:
    Boxed() = default;
    Boxed(const Boxed& other) : p_(other.p_ ? std::make_unique<T>(*other.p_) : nullptr) {}
    Boxed(Boxed&&) noexcept = default;
    Boxed& operator=(const Boxed& other) {
        if (this != &other) p_ = other.p_ ? std::make_unique<T>(*other.p_) : nullptr;
        return *this;
    }
    Boxed& operator=(Boxed&&) noexcept = default;
    ~Boxed() = default;

    const T* get() const { return p_.get(); }
    T& make() {  // the value, made empty on first use
        if (!p_) p_ = std::make_unique<T>();
        return *p_;
    }
    friend bool operator==(const Boxed& a, const Boxed& b) {
        if (!a.p_ || !b.p_) return (a.p_ ? *a.p_ : T{}) == (b.p_ ? *b.p_ : T{});
        return *a.p_ == *b.p_;
    }

private:
    std::unique_ptr<T> p_;
};

struct Math {
    Kind kind = Kind::empty;
    SymbolStyle style;                  // symbol
    bool count = false;                 // number: a count or an index (a JSON number)
    std::string text;
    std::vector<Math> args;
    std::size_t rows = 0, cols = 0;     // matrix
    std::size_t augment = 0;            // matrix: columns right of the bar
    Boxed<MathExtras> extras;           // matrix highlights; relations and their labels

    const std::vector<std::size_t>& highlight() const;  // matrix: cells (row-major index) to mark, e.g. pivots
    const std::vector<Rel>& relations() const;          // relation: between consecutive args
    const std::vector<Math>& labels() const;            // relation: the label of each `arrow` (empty otherwise)

    bool is_empty() const { return kind == Kind::empty; }
    friend bool operator==(const Math&, const Math&) = default;
};

struct MathExtras {
    std::vector<std::size_t> highlight;
    std::vector<Rel> relations;
    std::vector<Math> labels;
    friend bool operator==(const MathExtras&, const MathExtras&) = default;
};

inline const std::vector<std::size_t>& Math::highlight() const {
    static const std::vector<std::size_t> none;
    return extras.get() ? extras.get()->highlight : none;
}
inline const std::vector<Rel>& Math::relations() const {
    static const std::vector<Rel> none;
    return extras.get() ? extras.get()->relations : none;
}
inline const std::vector<Math>& Math::labels() const {
    static const std::vector<Math> none;
    return extras.get() ? extras.get()->labels : none;
}

// ---- Builders: the only way modules need to make nodes. ----

Math empty();
Math number(std::string exact_text);
// A count or an index (a rank, a column, an epoch): written as any number, but a JSON number
// rather than a string in JSON, where values of a scalar are strings.
Math count(std::size_t n);
Math symbol(std::string name, Math sub = empty(), Math super = empty(), SymbolStyle style = {});
// A bold symbol: a vector or matrix of the notes, 𝐘, 𝐆.
Math bold(std::string name);
Math text(std::string words);
Math fraction(Math numerator, Math denominator);
Math matrix(std::size_t rows, std::size_t cols, std::vector<Math> cells, std::size_t augment = 0);
Math relation(Math left, Rel rel, Math right);
// A chain a_0 rel_0 a_1 rel_1 a_2 …; `labels` (if not empty) has one entry per relation.
Math chain(std::vector<Math> operands, std::vector<Rel> rels, std::vector<Math> labels = {});
// A single labelled arrow: left \xrightarrow{label} right.
Math arrow(Math left, Math label, Math right);
Math sum(std::vector<Math> terms);
Math negate(Math x);
Math product(std::vector<Math> factors, std::string op = "cdot");
Math power(Math base, Math exponent);
Math apply(std::string function, std::vector<Math> arguments);
Math group(Math x);
// How many nodes the tree has, and how many levels (iterative counts: any depth).
std::size_t node_count(const Math& m);
std::size_t depth(const Math& m);
// |x| and ‖x‖_sub (sub may be empty): groups with other delimiters. A function applied to one
// of them needs no parentheses: max |x̂ − x|.
Math absolute(Math x);
Math norm(Math x, Math sub = empty());
Math set(Math element, Math condition);
Math cases(std::vector<Math> lines);
Math list(std::vector<Math> items, std::string separator = ", ");
// A table with a header row: a sums table, an ANOVA table. Each row has header.size() cells
// (an `empty` cell is blank); the last `totals` rows are set apart by a rule. Text cells are
// left-aligned, all others right-aligned. In JSON a table whose first header is empty is an
// object keyed by its first column ({"residual": {"df": "3", …}}), any other an array of rows.
Math table(std::vector<Math> header, const std::vector<std::vector<Math>>& rows, std::size_t totals = 0);

// Convenience: x_{i}, with an integer subscript ("R_2").
Math indexed(std::string name, std::size_t index, SymbolStyle style = {});
Math equals(Math left, Math right);
// ∂of/∂by, the Leibniz fraction of notes 003: ∂E/∂W^{[l]}, ∂C/∂β.
Math partial_fraction(Math of, Math by);

// A name with a subscript for a sentence of prose: "x₂", "R₁₂". Every renderer writes it well
// (LaTeX prose turns the subscript digits into math).
std::string subscripted(std::string_view name, std::size_t index);

}  // namespace showwork::trace
