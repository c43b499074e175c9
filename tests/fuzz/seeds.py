#!/usr/bin/env python3
"""Writes the seed corpora of the fuzzing harnesses (corpus/NAME/NN). The seeds are typical
inputs and the depth-and-size cases found by thinking about them: nesting to and past the
documented depth limits, long sums, power towers, huge exponents, repeated scalings by huge
numbers. Rerun after changing it: python3 tests/fuzz/seeds.py (it rewrites the numbered files
of each corpus and leaves the others, the fuzzer's finds that tests/fuzz/minimise.sh keeps)."""
import os
import re

here = os.path.dirname(os.path.abspath(__file__))


def nested(open_, close, inner, depth):
    return open_ * depth + inner + close * depth


seeds = {
    'matrix': [
        '1 2; 3 4', '[[1,2],[3,4]]', '1/2 -3/4\n5 6\n', '# a comment\n1 2 3\n4 5 6\n',
        '0.1 0.2; 0.3 0.4', '1e-4000 1e97', '1e999999999 1', '1/0 1', '1 2; 3', ';;', '[]', '[[]]',
        nested('[', ']', '1', 300), '9' * 5000, '1.5e-7 -2.25E+3; 7/3 0', '1 2 3 4 5 6',
        '\n'.join(' '.join(str((i * j) % 7 - 3) for j in range(6)) for i in range(6)),
    ],
    'expression': [
        'x^2 + 3*x', 'sin(x)*exp(y)', 'max(0, x)', 'max(x, 0)', 'relu(x)', '1/(1+exp(-x))',
        'sigmoid(w*x + b)', 'ln(x) - log(y)', 'tanh(x)^2', 'cos(x*y)/y', '-x^2', '2 e1 x', 'x^-1',
        '((9^4096)^4096)^4096', '2^3^4^5', nested('sin(', ')', 'x', 250), nested('(', ')', 'x', 400),
        '^'.join(['x'] * 300), ' + '.join(f'{k}*x^{k}' for k in range(1, 400)),
        nested('1/(1+', ')', 'x', 120), '(x+1)^(' * 12 + 'x' + ')' * 12, 'e1*x + E2', '1e-4000*x',
        # products as typed: x·x kept, a minus sign before one, a quotient by one
        'x*x', 'c − x/1*x^1 + 2*x^2', '1/(x*x)', '-2x*x + x^2', 'cos(x) sin(x) - sin(x) cos(x)', 'exp(x*x)',
        'sqrt(abs(tan(x)) + log(x**2, 3)) * cosh(sinh(y))', 'abs(x) + log10(x) - log2(y)',
        nested('sqrt(', ')', 'x', 150), nested('abs(', ')', 'x - 1', 150),
        '(x+1)^(' * 50 + 'x' + ')' * 50,  # a derivation at its size limit
    ],
    'row_operations': [
        '1 2; 3 4\nR2 -> R2 - 3R1', '1 2 3; 4 5 6; 7 8 9\nR1 <-> R3; R2 -> 1/2 R2',
        '1 2; 3 4\nR_2 → R_2 − 2R_1\nR_1 ↔ R_2', '1 2; 3 4\n' + 'R1 -> (1e4000)R1; ' * 5,
        '1 2; 3 4\n' + 'R1 -> R1 + 99999999999999999999 R2; ' * 200, '1 2; 3 4\nR1 -> 0 R1',
        '1 2; 3 4\nR3 -> R3 + R1', '1; 2\nR1 -> R1 - R1', '0.1 0.2; 0.3 0.4\nR2 -> R2 - 3*R1',
        '1 2; 3 4\n' + 'R1 -> (1e4000)R1; ' * 100,  # 366 MB once; now stopped at the size limit
    ],
    'working': [
        '2 3 6; 4 5 10\nR2 -> R2 - 2R1 : [2 3 | 6; 0 -1 | -2]\nR2 -> -1R2; R1 -> R1 - 3R2\n[2 0 | 0; 0 1 | 2]\nanswer: x = 0, y = 2',
        '2 3 6; 4 5 10\nR2 -> R2 - 2R1 : [2 3 | 6; 0 1 | -2]\nR1 -> R1 - 3R2 : [2 0 | 12; 0 1 | -2]\nanswer: x = 6, y = -2',
        '2 3; 4 5\nR2 -> 3R1 - R2 : [2 3; 2 4]\nR2 -> 0R2\nR2 -> 3R1', '2 3; 4 5\nR₂ → R₂ − 2R₁ : [2 3; 0 −1]\nanswer: det = -2',
        '2 3; 4 5\nR2 -> R2 - 2R1 : [2 3 | 1 0; 0 -1 | -2 1]\nanswer: [-5/2 3/2; 2 -1]',
        '1 3 -1 2; 2 6 -1 5\nR2 -> R2 - 2R1 : [1 3 -1 | 2; 0 0 1 | 1]\nanswer: x = 3 - 3t, y = t, z = 1',
        '1 1 1 3; 2 2 2 6\nR2 -> R2 - 2R1\nanswer: x = 3 - y - z, y free, z free', '1 2; 3 4\n# nothing\n\n',
        '1 2; 3 4\nR5 -> R5 - R1', '1 2; 3 4\n[1 2 3]', '1 2; 3 4\nanswer: x = 1\nanswer: x = 2',
        '1 2; 3 4\n' + 'R1 -> (1e4000)R1 : [1 2; 3 4]\n' * 20,
        ' '.join(str(k % 7 - 3) for k in range(14)) + '\nR1 <-> R2\nanswer: none',
    ],
    'data': [
        'x,y\n1,2\n2,4\n3,5\n4,4\n5,5\n', 'x y\n1 2\n2 4\n3 5\n', '# comment\nx, y\r\n1, 2\r\n2, 3\r\n3, 5\r\n',
        '1 2\n3 4\n5 7\n', 'a, b, y\n1, 2, 1\n2, 4, 3\n3, 6, 2\n4, 8, 5\n', 'x,c,y\n1,2,1\n2,2,3\n3,2,2\n',
        'x,y\n0.1,1e-3\n0.2,2e-3\n0.35,-4.5e2\n', 'x,y\n', '', 'x,x\n1,2\n', 'x,y\n1\n', 'x,y\n1,2,3\n',
        'x,y\n1,\n', 'x,y\n1,abc\n', ',y\n1,2\n',
        'x1,x2,x3,y\n' + '\n'.join(f'{i},{i * i % 7},{(3 * i) % 5},{2 * i + 1}' for i in range(30)),
    ],
    'weights': [
        # 2-2-1 with ReLU then the identity, as notes 002 write it; the same without activations
        '{"layers": [{"W": [["0.5", "-1"], ["1/3", 2]], "b": [["0", "0.1"]], "activation": "relu"},\n'
        '            {"W": [[1], ["-2"]], "b": [0], "activation": "identity"}]}',
        '{"layers": [{"W": [[1, 0], [0, 1]], "b": [0, 0]}, {"W": [[1], [1]], "b": [0]}]}',
        # every weight 0: every ReLU at its kink
        '{"layers": [{"W": [[0, 0], [0, 0]], "b": [0, 0], "activation": "relu"}, {"W": [[0], [0]], "b": [0], "activation": "relu"}]}',
        # softmax output (cross-entropy), sigmoid and tanh: floating runs only
        '{"layers": [{"W": [[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]], "b": [0, 0, 0], "activation": "tanh"},\n'
        '            {"W": [[1, 0, 0], [0, 1, 0], [0, 0, 1]], "b": [0, 0, 0], "activation": "softmax"}]}',
        '{"layers": [{"W": [[1, -1], [-1, 1]], "b": [0, 0], "activation": "sigmoid"}, {"W": [[1], [1]], "b": [-1], "activation": "sigmoid"}]}',
        '{"layers": [{"W": [[1000, -1000]], "b": [0, 0], "activation": "softmax"}]}',
        # as write_weights writes it: its sizes, indented, every number a string
        '{\n "sizes": [2, 1],\n "layers": [\n  {\n   "activation": "identity",\n   "W": [\n    [\n     "0.1"\n    ],\n'
        '    [\n     "-3"\n    ]\n   ],\n   "b": [\n    [\n     "0.30000000000000004"\n    ]\n   ]\n  }\n ]\n}\n',
        # big and small numbers: as strings (exact, beyond double) and as JSON numbers (through a double)
        '{"layers": [{"W": [["12345678901234567890123456789"], [12345678901234567890123456789]], "b": ["-1/3"], "activation": "relu"}]}',
        '{"layers": [{"W": [["1e-400", "1e400"]], "b": ["0", "0"]}]}',
        '{"layers": [{"W": [[1e-400, 1e400]], "b": [0, 0]}]}',  # JSON's own error for 1e400 escaped once
        '{"layers": [{"W": [[1e308, -1e308], [1e308, 1e308]], "b": [1e308, 0]}, {"W": [[1e308], [1e308]], "b": [0]}]}',
        '{"layers": [{"W": [["1e4000"], ["1e-4000"]], "b": ["9' + '9' * 300 + '"], "activation": "relu"}]}',
        '{"layers": [{"W": [[-0, "-0", -0.0, 4.9e-324]], "b": [0, 0, 0, 0], "activation": "relu"}]}',
        # at the size the harness runs (4 layers of 8) and past it (5 layers)
        '{"layers": [' + ', '.join('{"W": [' + ', '.join('[' + ', '.join(f'"{(i * 3 + j) % 5 - 2}/{j + 1}"' for j in range(8)) + ']'
                                                         for i in range(8)) + '], "b": [' + ', '.join(['"1/2"'] * 8) + '], "activation": "relu"}'
                                   for _ in range(4)) + ']}',
        '{"layers": [' + ', '.join(['{"W": [[1]], "b": [0], "activation": "relu"}'] * 5) + ']}',
        # not weights files: not JSON, no layers, layers that do not chain, ragged or empty rows,
        # entries that are not numbers, unknown or misplaced activations, nesting deeper than any file
        # (20,000 deep overflowed the stack once)
        '', 'null', '[]', '{"layers": []}', '{"layers": [}', '{"W": []}', '{"layers": [{"W": [[1]]}]}',
        '{"layers": [{"W": [[1, 2]], "b": [0, 0]}, {"W": [[1], [2], [3]], "b": [0]}]}',
        '{"layers": [{"W": [[1, 2], [3]], "b": [0, 0]}]}', '{"layers": [{"W": [[]], "b": []}]}',
        '{"layers": [{"W": [[1, true]], "b": [0, 0]}]}', '{"layers": [{"W": [[1, "x"]], "b": [0, "1/0"]}]}',
        '{"layers": [{"W": [[1]], "b": [0], "activation": "swish"}]}', '{"layers": [{"W": [[1]], "b": [0], "activation": 3}]}',
        '{"layers": [{"W": [[1]], "b": [0], "activation": "softmax"}, {"W": [[1]], "b": [0]}]}',
        '{"layers": [{"W": [[' + nested('[', ']', '1', 20000) + ']], "b": [0]}]}',
        '{"layers": [{"W": [[1]], "b": [0], "activation": ' + nested('{"a": ', '}', '1', 5000) + '}]}',
    ],
    'arguments': [
        'rref\n1 2; 3 4\n--steps\n--format\njson', 'diff\nx^2\n--wrt\nx\n--format\nlatex',
        'det\n[[1,2],[3,4]]\n--number\ndouble', 'compare\ninverse\n1 2; 3 4\n--steps',
        'solve\n1 2 3 4 5', 'jacobian\n[x*y; sin(x)]\n--wrt\nx,y\n--format\ndocument',
        'gradient\nx^2*y\n--at\nx=1,y=2', 'inverse\n4 7; 2 6\n--format\nmarkdown', 'identity\n10000',
        'rowops\n1 2; 3 4\nR2 -> R2 - 3R1\n--format\ntext', 'lu\n2 1; 4 3\n--number\nfloat50',
        'nullspace\n1 2 3; 2 4 6', 'diff\n-x^2', 'diff\nmax(0, x)\n--at\nx=0', 'help\nregress',
        'multiply\n1 2; 3 4\n5; 6', 'scale\n1/2\n1 2; 3 4', 'show\n1e-4000/1e97',
    ],
}

for name, inputs in seeds.items():
    directory = os.path.join(here, 'corpus', name)
    os.makedirs(directory, exist_ok=True)
    # the seeds are the files named by their number; the fuzzer's finds that minimise.sh keeps,
    # named by their SHA-1, stay
    for old in os.listdir(directory):
        if re.fullmatch(r'\d+', old):
            os.remove(os.path.join(directory, old))
    for k, text in enumerate(inputs):
        with open(os.path.join(directory, f'{k:02d}'), 'w', encoding='utf-8') as f:
            f.write(text)
