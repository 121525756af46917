/** One problem in a matter file, at the line and column of the node it is about. */
export interface MatterProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}
