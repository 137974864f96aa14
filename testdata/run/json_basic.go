package main

import (
	"encoding/json"
	"fmt"
	"strings"
)

type Address struct {
	Street string `json:"street"`
	City   string `json:"city,omitempty"`
}

type Person struct {
	Name     string            `json:"name"`
	Age      int               `json:"age,omitempty"`
	Email    string            `json:"-"`
	Tags     []string          `json:"tags"`
	Address  *Address          `json:"address,omitempty"`
	Scores   map[string]int    `json:"scores,omitempty"`
	Extra    map[string]any    `json:"extra,omitempty"`
	Ratio    float64           `json:"ratio"`
	Active   bool              `json:"active"`
	Nick     *string           `json:"nick"`
	Embedded
}

type Embedded struct {
	ID   int    `json:"id"`
	Kind string `json:"kind,omitempty"`
}

type Celsius float64

func (c Celsius) MarshalJSON() ([]byte, error) {
	return []byte(fmt.Sprintf(`"%.1fC"`, float64(c))), nil
}

func main() {
	p := Person{
		Name:    "Ann",
		Age:     41,
		Email:   "hidden@example.com",
		Tags:    []string{"a", "b"},
		Address: &Address{Street: "Main 1"},
		Scores:  map[string]int{"z": 1, "a": 2, "m": 3},
		Ratio:   0.25,
		Active:  true,
		Embedded: Embedded{ID: 7},
	}
	b, err := json.Marshal(p)
	fmt.Println(string(b), err)

	b, _ = json.MarshalIndent(map[string]any{"b": []int{1, 2}, "a": map[string]bool{"x": true}, "c": nil}, "", "  ")
	fmt.Println(string(b))

	var q Person
	err = json.Unmarshal([]byte(`{"name":"Bob","tags":["x"],"address":{"street":"S","city":"C"},
		"scores":{"k":5},"extra":{"n":1.5,"s":"t","l":[1,"2",null],"o":{"p":false}},
		"ratio":1e3,"active":true,"nick":"bobby","id":9,"unknown":1}`), &q)
	fmt.Println(err)
	fmt.Printf("%s %d %v %+v %v %v %v %v %s %d\n", q.Name, q.Age, q.Tags, *q.Address, q.Scores, q.Extra, q.Ratio, q.Active, *q.Nick, q.ID)

	var anyv any
	err = json.Unmarshal([]byte(`[1, 2.5, "three", true, null, {"k": [ ]}]`), &anyv)
	fmt.Printf("%v %v\n", anyv, err)

	// Errors.
	err = json.Unmarshal([]byte(`{"name": 5}`), &q)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`{"name": "x",}`), &q)
	fmt.Println(err)
	var n int
	err = json.Unmarshal([]byte(`"12"`), &n)
	fmt.Println(err)
	err = json.Unmarshal([]byte(`[1,2`), &anyv)
	fmt.Println(err)
	_, err = json.Marshal(map[string]any{"f": func() {}})
	fmt.Println(err)

	// Marshaler, RawMessage, Number, Decoder.
	b, _ = json.Marshal([]Celsius{21.5, -3})
	fmt.Println(string(b))
	var raw struct {
		A json.RawMessage
		N json.Number
	}
	fmt.Println(json.Unmarshal([]byte(`{"A": {"x": [1, 2]}, "N": 12.50}`), &raw), string(raw.A), raw.N)
	dec := json.NewDecoder(strings.NewReader(`{"id": 1} {"id": 2} {"id": 3}`))
	for {
		var e Embedded
		if err := dec.Decode(&e); err != nil {
			fmt.Println("end:", err)
			break
		}
		fmt.Println("decoded", e.ID)
	}
	b, _ = json.Marshal("<html> & \u2028")
	fmt.Println(string(b))
	fmt.Println(json.Valid([]byte(`{"a":[1,{}]}`)), json.Valid([]byte(`{a:1}`)))
}
