// Matrix input: every accepted form, and every malformed input with its row, column and token.
#include "support.hpp"
#include "showwork/matrix/parse.hpp"

namespace test_parse {  // this file's names, apart from the other suites' in the unity build

using namespace showwork;
using Q = Rational;
using M = Matrix<Rational>;

static std::string parse_error(std::string_view text) {
    try {
        (void)parse_matrix<Rational>(text);
    } catch (const ParseError& e) {
        return e.what();
    }
    return "no error";
}

TEST_CASE("inline, bracketed and file forms give the same matrix") {
    M expected{{1, 2}, {3, 4}};
    CHECK(parse_matrix<Rational>("1 2; 3 4") == expected);
    CHECK(parse_matrix<Rational>("[[1,2],[3,4]]") == expected);
    CHECK(parse_matrix<Rational>(" [ [1, 2] , [ 3,4 ] ] ") == expected);
    CHECK(parse_matrix<Rational>("1,2\n3,4\n") == expected);
    CHECK(parse_matrix<Rational>("# a comment\n1 2   # trailing\n\n3\t4\r\n") == expected);
    CHECK(parse_matrix<Rational>("1, 2; 3, 4;") == expected);
    CHECK(parse_matrix<Rational>("[1, 2, 3]") == M{{1, 2, 3}});
    CHECK(parse_matrix<Rational>("7") == M{{7}});
}

TEST_CASE("entries are integers, fractions or decimals, read exactly") {
    CHECK(parse_matrix<Rational>("0.1 -3/4; 2.5e-3 +7") == M{{Q(1, 10), Q(-3, 4)}, {Q(1, 400), 7}});
    Matrix<double> D = parse_matrix<double>("0.1 1/3");
    CHECK(D(0, 0) == 0.1);
    CHECK(D(0, 1) == 1.0 / 3.0);
    CHECK(parse_matrix<Float50>("1/4")(0, 0) == Float50(0.25));
}

TEST_CASE("malformed input names the row, the column and the token") {
    CHECK(parse_error("1 2; 3") == "row 2 has 1 entry, row 1 has 2");
    CHECK(parse_error("1 2; 3 4 5") == "row 2 has 3 entries, row 1 has 2");
    CHECK(parse_error("") == "empty matrix: no entries found");
    CHECK(parse_error(" ; \n # only a comment") == "empty matrix: no entries found");
    CHECK(parse_error("1 2; 3 x") == "row 2, column 2: 'x': not a number");
    CHECK(parse_error("1 1/0") == "row 1, column 2: '1/0': zero denominator");
    CHECK(parse_error("1 2 * 3") == "row 1, column 3: stray character '*'");
    CHECK(parse_error("1,,2") == "row 1, column 2: empty entry before ','");
    CHECK(parse_error("1, 2,; 3 4") == "row 1: a comma ends the row, an entry is missing");
    CHECK(parse_error("[[1,2],[3]]") == "row 2 has 1 entry, row 1 has 2");
    CHECK(parse_error("[[1,2],[3,4]") == "row 3: input ends where ']' was expected to close the matrix");
    CHECK(parse_error("[[1,2],[3,4]] 5") == "row 3, column 1: stray character '5'");
    CHECK(parse_error("[[1,,2]]") == "row 1, column 2: missing entry");
    CHECK(parse_error("[[1,2],[3;4]]") == "row 2, column 2: stray character ';'");
    // a stray character is shown whole, escaped when a terminal would act on it
    CHECK(parse_error("1 2 \x01") == "row 1, column 3: stray character '\\x01'");
    CHECK(parse_error("1 \x1b[31m") == "row 1, column 2: stray character '\\x1b'");
    CHECK(parse_error("1 \u202E2") == "row 1, column 2: stray character '\\u202e'");
    CHECK(parse_error("1 é") == "row 1, column 2: stray character 'é'");
}

TEST_CASE("a named text (a file) is named in every error, with the line") {
    auto error_in = [](std::string_view text) {
        try {
            (void)parse_matrix<Rational>(text, "data.txt");
        } catch (const ParseError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(error_in("1 2\n# a comment\n3 x\n") == "data.txt: line 3, column 2: 'x': not a number");
    CHECK(error_in("1 2\n\n3\n") == "data.txt: line 3: row 2 has 1 entry, row 1 has 2");
    CHECK(error_in("1 2; 3 4\n5 6 * 7") == "data.txt: line 2, column 3: stray character '*'");
    CHECK(error_in("1, 2,\n3, 4") == "data.txt: line 1: a comma ends the row, an entry is missing");
    CHECK(error_in("# nothing\n") == "data.txt: empty matrix: no entries found");
    CHECK(error_in("[[1, 2],\n [3,\n  1/0]]") == "data.txt: line 3, column 2: '1/0': zero denominator");
    CHECK(error_in("1 2\n3 4") == "no error");
    // inline text keeps rows and columns
    CHECK(parse_error("1 2; 3 x") == "row 2, column 2: 'x': not a number");
}

TEST_CASE("a parse error carries its position as data") {
    try {
        (void)parse_matrix<Rational>("1 2; 3 abc");
        FAIL("expected a ParseError");
    } catch (const ParseError& e) {
        CHECK(e.row() == 2);
        CHECK(e.column() == 2);
        CHECK(e.token() == "abc");
    }
}

TEST_CASE("size limits are enforced before anything is built") {
    std::string wide;
    for (std::size_t j = 0; j <= max_matrix_dimension; ++j) wide += "1 ";
    CHECK(parse_error(wide) == fmt::format("row 1 has more than {} columns", max_matrix_dimension));
    std::string tall;
    for (std::size_t i = 0; i <= max_matrix_dimension; ++i) tall += "1;";
    CHECK(parse_error(tall) == fmt::format("more than {} rows", max_matrix_dimension));
}

TEST_CASE("double parsing rejects values beyond its range, naming the entry") {
    CHECK_THROWS_WITH_AS(parse_matrix<double>("1 1e400"), "row 1, column 2: '1e400': out of range for double",
                         ParseError);
}

}  // namespace test_parse
