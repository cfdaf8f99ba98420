// frappe-gantt ships no type declarations; <millflow-gantt> types the parts it uses locally.
declare module 'frappe-gantt' {
  const Gantt: unknown;
  export default Gantt;
}
